namespace GoSmart.Privacy.Storage;

/// <summary>Keeps the steps of requests in memory, next to <see cref="InMemoryPrivacyRequestStore"/>; the lease rule is the base's.</summary>
internal sealed class InMemoryStepLedger : StepLedgerBase
{
    private readonly object _gate = new();
    private readonly Dictionary<(Guid, string), StepRecord> _steps = [];

    /// <inheritdoc />
    public override Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            _steps[(step.RequestId, step.Handler)] = step;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StepRecord> steps = [.. _steps.Values.Where(s => s.RequestId == requestId).OrderBy(s => s.Handler, StringComparer.Ordinal)];
            return Task.FromResult(steps);
        }
    }

    /// <inheritdoc />
    public override Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        lock (_gate)
        {
            foreach (var handler in handlers)
            {
                _steps.TryAdd((requestId, handler), new StepRecord(requestId, handler, StepState.Pending, 0, now, null, null));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task<T> DecideAsync<T>(Guid requestId, string handler, Func<StepRecord?, (StepRecord? Write, T Answer)> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        lock (_gate)
        {
            var (write, answer) = decide(_steps.GetValueOrDefault((requestId, handler)));
            if (write is not null)
            {
                _steps[(requestId, handler)] = write;
            }

            return Task.FromResult(answer);
        }
    }
}
