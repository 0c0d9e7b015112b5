namespace GoSmart.Privacy.Storage;

/// <summary>Keeps subject keys in memory (tests; a process restart loses every key, and with it every encrypted value).</summary>
internal sealed class InMemorySubjectKeyStore : ISubjectKeyStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<(string, string), SubjectKeyRecord> _keys = [];

    /// <inheritdoc />
    public Task<SubjectKeyRecord?> GetAsync(string tenantId, string subjectHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_keys.GetValueOrDefault((tenantId, subjectHash)));
        }
    }

    /// <inheritdoc />
    public Task<SubjectKeyRecord> AddOrGetAsync(SubjectKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_keys.TryGetValue((record.TenantId, record.SubjectHash), out var stored))
            {
                _keys[(record.TenantId, record.SubjectHash)] = stored = record;
            }

            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<bool> DestroyAsync(string tenantId, string subjectHash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue((tenantId, subjectHash), out var stored) && stored.DestroyedAt is not null)
            {
                return Task.FromResult(false);
            }

            _keys[(tenantId, subjectHash)] = new SubjectKeyRecord(tenantId, subjectHash, null, stored?.CreatedAt ?? at, at);
            return Task.FromResult(stored is not null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SubjectKeyRecord>> ListLiveAsync((string TenantId, string SubjectHash)? after, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SubjectKeyRecord>>([.. _keys.Where(k => k.Value.DestroyedAt is null && (after is null || Compare(k.Key, after.Value) > 0)).Take(take).Select(k => k.Value)]);
        }
    }

    /// <inheritdoc />
    public Task<bool> RewrapAsync(SubjectKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_keys.TryGetValue((record.TenantId, record.SubjectHash), out var stored) || stored.DestroyedAt is not null)
            {
                return Task.FromResult(false);
            }

            _keys[(record.TenantId, record.SubjectHash)] = stored with { WrappedKey = record.WrappedKey };
            return Task.FromResult(true);
        }
    }

    private static int Compare((string, string) a, (string, string) b)
    {
        var first = string.CompareOrdinal(a.Item1, b.Item1);
        return first != 0 ? first : string.CompareOrdinal(a.Item2, b.Item2);
    }
}
