namespace GoSmart.Privacy.Storage;

/// <summary>Keeps legal holds in memory (tests, single-process hosts).</summary>
internal sealed class InMemoryLegalHoldStore : ILegalHoldStore
{
    private readonly object _gate = new();
    private readonly List<LegalHold> _holds = [];
    private readonly List<HeldStep> _blocked = [];

    /// <inheritdoc />
    public Task AddAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            _holds.Add(hold);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<LegalHold?> GetAsync(Guid holdId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_holds.Find(h => h.Id == holdId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LegalHold>> ListAsync(bool includeReleased, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<LegalHold>>([.. _holds.Where(h => includeReleased || h.IsActive)]);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(LegalHold released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(released);
        lock (_gate)
        {
            var index = _holds.FindIndex(h => h.Id == released.Id && h.IsActive);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            _holds[index] = released;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task RecordBlockedAsync(HeldStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            if (!_blocked.Exists(b => b.HoldId == step.HoldId && b.RequestId == step.RequestId && b.Handler == step.Handler))
            {
                _blocked.Add(step);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HeldStep>> GetBlockedAsync(Guid holdId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HeldStep>>([.. _blocked.Where(b => b.HoldId == holdId)]);
        }
    }
}
