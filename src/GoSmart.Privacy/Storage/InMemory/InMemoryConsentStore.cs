using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Storage;

/// <summary>Keeps the consent ledger in memory: the default, for tests and single-process hosts.</summary>
internal sealed class InMemoryConsentStore(ConsentChain chain) : IConsentStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<ConsentEvent>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsentChainHead> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<(SubjectRef, string), ConsentEvent> _latest = [];

    /// <inheritdoc />
    public Task<ConsentEvent> AppendAsync(ConsentEvent draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var sealedEvent = chain.Seal(draft, _heads.GetValueOrDefault(draft.TenantId));
            if (!_chains.TryGetValue(draft.TenantId, out var events))
            {
                _chains[draft.TenantId] = events = [];
            }

            events.Add(sealedEvent);
            _heads[draft.TenantId] = new ConsentChainHead(sealedEvent.Sequence, sealedEvent.Hash);
            _latest[(sealedEvent.Subject, sealedEvent.Purpose)] = sealedEvent;
            return Task.FromResult(sealedEvent);
        }
    }

    /// <inheritdoc />
    public Task<ConsentEvent?> GetLatestAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_latest.GetValueOrDefault((subject, purpose)));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ConsentEvent[] events;
        lock (_gate)
        {
            events = _chains.TryGetValue(subject.TenantId, out var chainEvents) ? [.. chainEvents.Where(e => e.SubjectId == subject.SubjectId && e.SubjectKind == subject.Kind)] : [];
        }

        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEvent> ReadTenantAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ConsentEvent[] events;
        lock (_gate)
        {
            events = _chains.TryGetValue(tenantId, out var chainEvents) ? [.. chainEvents] : [];
        }

        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_heads.GetValueOrDefault(tenantId));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentProjectionEntry> ReadProjectionAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ConsentProjectionEntry[] entries;
        lock (_gate)
        {
            entries = [.. _latest.Where(l => l.Key.Item1.TenantId == tenantId).Select(l => new ConsentProjectionEntry(l.Key.Item1, l.Key.Item2, l.Value.Sequence))];
        }

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _latest.Keys.Where(k => k.Item1.TenantId == tenantId).ToList())
            {
                _latest.Remove(key);
            }

            foreach (var e in _chains.GetValueOrDefault(tenantId) ?? [])
            {
                _latest[(e.Subject, e.Purpose)] = e;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Points a (subject, purpose) of the projection at another event, as someone with access to the storage could: for integrity tests.</summary>
    internal void TamperProjection(SubjectRef subject, string purpose, ConsentEvent pointAt)
    {
        lock (_gate)
        {
            _latest[(subject, purpose)] = pointAt;
        }
    }

    /// <summary>Changes the stored events directly, as someone with access to the storage could: for integrity tests.</summary>
    internal void Tamper(string tenantId, Action<List<ConsentEvent>> change)
    {
        lock (_gate)
        {
            change(_chains[tenantId]);
        }
    }
}
