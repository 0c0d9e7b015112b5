using GoSmart.Privacy.Requests.Engine;
using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.Replay;

/// <summary>
/// Keeps every completed erasure in the replay ledger and, after a backup restore, erases again each subject whose
/// erasure completed since the backup — once per subject, through an ordinary controller erasure (so holds, leases,
/// reports and certificates apply as to any erasure).
/// </summary>
internal sealed class ErasureReplay(IErasureReplayLedger ledger, SubjectSeal seal, RequestAudit audit)
{
    /// <summary>The reason replayed erasures carry.</summary>
    public static string Reason(ErasureReplayEntry entry, DateTimeOffset since) =>
        $"Replay after a backup restore (backup time {since:O}): erasure {entry.RequestId} completed at {entry.CompletedAt:O} is applied again.";

    /// <summary>Records a closed erasure: the handlers that erased, held areas excluded.</summary>
    public Task RecordAsync(PrivacyRequest request, IReadOnlyList<StepRecord> steps, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var handlers = steps.Where(s => s.State == StepState.Completed && s.Result is { IsHeld: false }).Select(s => s.Handler).Order(StringComparer.Ordinal).ToList();
        return ledger.RecordAsync(new ErasureReplayEntry(request.Id, request.Subject.TenantId, audit.SubjectHash(request.Subject), request.Subject.Kind,
            seal.Seal(request.Id, request.Subject), handlers, completedAt), cancellationToken);
    }

    /// <summary>The newest entry per subject completed at or after <paramref name="since"/>, oldest first, with its subject opened.</summary>
    public async Task<IReadOnlyList<(ErasureReplayEntry Entry, SubjectRef Subject)>> DueAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var entries = await ledger.SinceAsync(since, cancellationToken).ConfigureAwait(false);
        return [.. entries.GroupBy(e => (e.TenantId, e.SubjectHash, e.SubjectKind)).Select(g => g.MaxBy(e => e.CompletedAt)!).OrderBy(e => e.CompletedAt).Select(e => (e, seal.Open(e)))];
    }
}
