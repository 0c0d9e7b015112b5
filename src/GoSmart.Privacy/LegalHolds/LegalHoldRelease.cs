namespace GoSmart.Privacy;

/// <summary>What releasing a hold did: the released hold, the erasure requests whose held steps were queued again (and run), and the retention sweeps it had kept records from, swept again for them.</summary>
/// <param name="Hold">The hold, released.</param>
/// <param name="RequeuedRequests">The requests whose steps the hold had blocked, in progress again or completed by now.</param>
public sealed record LegalHoldRelease(LegalHold Hold, IReadOnlyList<Guid> RequeuedRequests)
{
    /// <summary>Gets the retention windows the hold had kept records from, swept again for exactly those records.</summary>
    public IReadOnlyList<RetentionSweepLine> RetentionSwept { get; init; } = [];
}
