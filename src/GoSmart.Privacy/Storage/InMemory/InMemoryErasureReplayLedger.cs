namespace GoSmart.Privacy.Storage;

/// <summary>Keeps the replay ledger in memory (tests, single-process hosts without a database: it does not survive a restart).</summary>
internal sealed class InMemoryErasureReplayLedger : IErasureReplayLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, ErasureReplayEntry> _entries = [];

    /// <inheritdoc />
    public Task RecordAsync(ErasureReplayEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries[entry.RequestId] = entry;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ErasureReplayEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ErasureReplayEntry>>([.. _entries.Values.Where(e => e.CompletedAt >= since).OrderBy(e => e.CompletedAt).ThenBy(e => e.RequestId)]);
        }
    }
}
