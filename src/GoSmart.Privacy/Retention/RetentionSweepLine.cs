namespace GoSmart.Privacy;

/// <summary>What one sweep did with one rule in one handler's area. Counts only: no personal data.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Handler">The handler.</param>
/// <param name="ExpiredAfter">The window's start (inclusive).</param>
/// <param name="ExpiredBefore">The window's end (exclusive).</param>
/// <param name="Changed">Values erased (or that would be, in a dry run).</param>
/// <param name="Retained">Values kept under their members' exemptions.</param>
/// <param name="NotWritable">Values that could not be written.</param>
/// <param name="Deleted">Records deleted (or that would be).</param>
/// <param name="Held">Records skipped because a legal hold holds them.</param>
/// <param name="HeldBy">The holds that held them.</param>
/// <param name="Error">Why the sweep of this rule in this area failed, or <see langword="null"/>.</param>
public sealed record RetentionSweepLine(string Rule, string Handler, DateTimeOffset ExpiredAfter, DateTimeOffset ExpiredBefore, int Changed, int Retained, int NotWritable, int Deleted, int Held, IReadOnlyList<Guid> HeldBy, string? Error);
