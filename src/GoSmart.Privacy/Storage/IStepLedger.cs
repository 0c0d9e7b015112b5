namespace GoSmart.Privacy.Storage;

/// <summary>
/// The steps of every request — one per handler — and who holds each: an engine instance claims a step under a lease
/// it renews while it works, and writes the outcome only while it still holds it. The lease rule itself is
/// <see cref="StepLeases"/>; every store applies it.
/// </summary>
public interface IStepLedger
{
    /// <summary>Writes a step record, replacing the previous record of the same (request, handler).</summary>
    /// <param name="step">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken);

    /// <summary>Creates a <see cref="StepState.Pending"/> step for each handler that has none yet for the request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handlers">The handler names the request needs.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the steps exist.</returns>
    Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a step for <paramref name="owner"/>, atomically: a pending step, or a started one whose lease has ended
    /// (its owner crashed), becomes started, owned and leased until <paramref name="leaseUntil"/>, with one more attempt.
    /// </summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="owner">The claiming engine instance.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the lease ends unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed step, or <see langword="null"/> when it is completed, failed, or held by another live instance.</returns>
    Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends the lease of a step its owner still holds.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="leaseUntil">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner no longer holds the step.</returns>
    Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records how far a step's handler got, and its tallies so far, if <paramref name="owner"/> still holds the step.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="progress">Where the handler resumes.</param>
    /// <param name="tallies">What it did up to there.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner no longer holds the step: nothing is written.</returns>
    Task<bool> SaveProgressAsync(Guid requestId, string handler, string owner, string progress, HandlerResult tallies, CancellationToken cancellationToken);

    /// <summary>Writes a claimed step's outcome (completed, failed, or pending again when released) if <paramref name="owner"/> still holds it.</summary>
    /// <param name="step">The outcome.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner no longer holds the step: the outcome is not written.</returns>
    Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken);

    /// <summary>Gets every step record of a request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records, by handler name.</returns>
    Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken);
}
