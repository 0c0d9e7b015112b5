namespace GoSmart.Privacy.Storage;

/// <summary>A window of a rule in a handler's area in which a legal hold kept records from the sweep: swept again, for that hold's records, when it is released.</summary>
/// <param name="HoldId">The hold.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Handler">The handler.</param>
/// <param name="ExpiredAfter">The window's start.</param>
/// <param name="ExpiredBefore">The window's end.</param>
public sealed record RetentionHeldWindow(Guid HoldId, string Rule, string Handler, DateTimeOffset ExpiredAfter, DateTimeOffset ExpiredBefore);
