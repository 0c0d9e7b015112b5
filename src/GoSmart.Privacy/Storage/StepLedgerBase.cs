namespace GoSmart.Privacy.Storage;

/// <summary>
/// The lease rule of <see cref="IStepLedger"/>, written once for every store: claiming, renewing and finishing a step
/// each read the step, decide by <see cref="StepLeases"/>, and write the result in one atomic unit that the store
/// supplies (a lock in memory, a transaction holding the row in a database).
/// </summary>
internal abstract class StepLedgerBase : IStepLedger
{
    /// <inheritdoc />
    public abstract Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken);

    /// <inheritdoc />
    public Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        DecideAsync<StepRecord?>(requestId, handler, step =>
        {
            var claimed = step is not null && StepLeases.IsClaimable(step, now) ? StepLeases.Claim(step, owner, now, leaseUntil) : null;
            return (claimed, claimed);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        DecideAsync(requestId, handler, step => step is not null && StepLeases.IsHeldBy(step, owner) ? (step with { LeaseUntil = leaseUntil }, true) : (null, false), cancellationToken);

    /// <inheritdoc />
    public Task<bool> SaveProgressAsync(Guid requestId, string handler, string owner, string progress, HandlerResult tallies, CancellationToken cancellationToken) =>
        DecideAsync(requestId, handler, step => step is not null && StepLeases.IsHeldBy(step, owner) ? (step with { Progress = progress, Result = tallies }, true) : (null, false), cancellationToken);

    /// <inheritdoc />
    public Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return DecideAsync(step.RequestId, step.Handler, current => current is not null && StepLeases.IsHeldBy(current, owner) ? (StepLeases.Release(step), true) : (null, false), cancellationToken);
    }

    /// <summary>
    /// Reads one step (held against concurrent writers until the unit ends), lets <paramref name="decide"/> choose
    /// what to write, writes it when it is not <see langword="null"/>, and ends the unit.
    /// </summary>
    /// <typeparam name="T">The caller's answer.</typeparam>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="decide">From the current step (or <see langword="null"/> when there is none): the step to write, and the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, after the write is durable.</returns>
    protected abstract Task<T> DecideAsync<T>(Guid requestId, string handler, Func<StepRecord?, (StepRecord? Write, T Answer)> decide, CancellationToken cancellationToken);
}
