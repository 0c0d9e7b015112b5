using System.Runtime.CompilerServices;

namespace GoSmart.Privacy;

/// <summary>Keeps the consent ledger in memory: the default, for tests and single-process hosts.</summary>
public sealed class InMemoryConsentStore(ConsentChain chain) : IConsentStore
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

    /// <summary>Changes the stored events directly, as someone with access to the storage could: for integrity tests.</summary>
    internal void Tamper(string tenantId, Action<List<ConsentEvent>> change)
    {
        lock (_gate)
        {
            change(_chains[tenantId]);
        }
    }
}
