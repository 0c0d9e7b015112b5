namespace GoSmart.Privacy;

/// <summary>What one retention sweep did, rule by rule and area by area.</summary>
/// <param name="RunId">The sweep's id (its audit events carry it).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="DryRun">Whether it only counted.</param>
/// <param name="Lines">One line per rule and area swept.</param>
/// <param name="NotSwept">Rules no handler could apply, each with why (never silent).</param>
public sealed record RetentionSweepReport(Guid RunId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool DryRun, IReadOnlyList<RetentionSweepLine> Lines, IReadOnlyList<string> NotSwept);
