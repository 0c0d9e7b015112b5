namespace GoSmart.Privacy;

/// <summary>One subject erased again after a restore.</summary>
/// <param name="OriginalRequestId">The newest erasure of the subject completed since the backup.</param>
/// <param name="OriginalCompletedAt">When it completed.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubjectHash">The subject as a keyed hash.</param>
/// <param name="ReplayRequestId">The erasure request that re-applied it (its report and certificate are the proof).</param>
/// <param name="Status">How the replay ended.</param>
/// <param name="Changed">Values erased again: what the restore had brought back.</param>
/// <param name="Deleted">Records deleted again.</param>
public sealed record ReplayedErasure(Guid OriginalRequestId, DateTimeOffset OriginalCompletedAt, string TenantId, string SubjectHash, Guid ReplayRequestId, PrivacyRequestStatus Status, int Changed, int Deleted);
