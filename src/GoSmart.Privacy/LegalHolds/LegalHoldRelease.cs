namespace GoSmart.Privacy;

/// <summary>What releasing a hold did: the released hold, and the erasure requests whose held steps were queued again (and run).</summary>
/// <param name="Hold">The hold, released.</param>
/// <param name="RequeuedRequests">The requests whose steps the hold had blocked, in progress again or completed by now.</param>
public sealed record LegalHoldRelease(LegalHold Hold, IReadOnlyList<Guid> RequeuedRequests);
