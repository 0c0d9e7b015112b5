namespace GoSmart.Privacy;

/// <summary>
/// A completed erasure as the replay ledger keeps it, after the erasure itself: enough to erase the subject again
/// after a backup restore, and nothing readable from a database copy alone — the subject is a keyed hash, and its id
/// is sealed (AES-GCM) under a key derived from the pseudonym key, which lives outside the database.
/// </summary>
/// <param name="RequestId">The erasure request.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubjectHash">The subject as the audit log and certificates hold it: a keyed hash.</param>
/// <param name="SubjectKind">The kind of subject.</param>
/// <param name="SealedSubjectId">The subject id, sealed; only the engine that holds the pseudonym key opens it.</param>
/// <param name="Handlers">The handlers that erased (held areas excluded: they were not erased).</param>
/// <param name="CompletedAt">When the erasure completed.</param>
public sealed record ErasureReplayEntry(Guid RequestId, string TenantId, string SubjectHash, DataSubjectKind SubjectKind, string SealedSubjectId, IReadOnlyList<string> Handlers, DateTimeOffset CompletedAt);
