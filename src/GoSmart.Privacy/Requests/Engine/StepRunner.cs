using GoSmart.Privacy.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// Runs a request's steps, each exactly once to completion across every instance: the steps are created for every
/// handler any service requires, each local one is claimed under a lease (so no other instance runs it at the same
/// time), the lease is renewed while the handler runs, failures are retried with backoff, and the outcome is written
/// only while the lease is held. A stopped processor gives its steps back; a crashed one's leases expire.
/// </summary>
internal sealed class StepRunner(IStepLedger ledger, EngineRoster roster, StepPlans plans, RequestAudit audit, PrivacyOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Runs the local steps of an in-progress request and returns the records of every step it requires.</summary>
    /// <param name="request">The request, in progress.</param>
    /// <param name="services">The request's scope, from which handlers are resolved.</param>
    /// <param name="cancellationToken">Stops the processor: claimed steps are given back.</param>
    /// <returns>The required steps' records and how many steps are required.</returns>
    public async Task<(IReadOnlyList<StepRecord> Steps, int Required)> RunAsync(PrivacyRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = plans.For(request, services);
        var required = await EnsureStepsAsync(request, local, services, cancellationToken).ConfigureAwait(false);
        foreach (var phase in new[] { local.Where(s => !s.Last), local.Where(s => s.Last) })
        {
            await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelHandlers, CancellationToken = cancellationToken },
                (step, ct) => new ValueTask(RunStepAsync(request, step, ct))).ConfigureAwait(false);
        }
        var steps = (await ledger.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false)).Where(s => required.Contains(s.Handler)).ToList();
        return (steps, required.Count);
    }

    /// <summary>Makes a request's failed steps pending again, so a retry runs them (and only them).</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the steps are pending.</returns>
    public async Task ResetFailedAsync(Guid requestId, CancellationToken cancellationToken)
    {
        foreach (var failed in (await ledger.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).Where(s => s.State == StepState.Failed))
        {
            await ledger.SaveStepAsync(failed with { State = StepState.Pending, Owner = null, LeaseUntil = null, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes a request's steps held by a released legal hold pending again, so they run (and only they).</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="holdId">The released hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The steps made pending.</returns>
    public async Task<IReadOnlyList<string>> ResetHeldAsync(Guid requestId, Guid holdId, CancellationToken cancellationToken)
    {
        var reset = new List<string>();
        foreach (var held in (await ledger.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).Where(s => s.State == StepState.Completed && s.Result?.HeldBy?.Contains(holdId) == true))
        {
            await ledger.SaveStepAsync(held with { State = StepState.Pending, Owner = null, LeaseUntil = null, Result = null, Progress = null, UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            reset.Add(held.Handler);
        }

        return reset;
    }

    /// <summary>
    /// Registers this instance (a heartbeat) and creates the request's steps: one for every handler any registered
    /// instance hosts for the request's kind, so a request submitted through one service waits for the others'
    /// handlers. Steps created earlier stay required.
    /// </summary>
    private async Task<HashSet<string>> EnsureStepsAsync(PrivacyRequest request, IReadOnlyList<StepPlan> local, IServiceProvider services, CancellationToken cancellationToken)
    {
        await roster.HeartbeatAsync(services, cancellationToken).ConfigureAwait(false);
        var required = local.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        required.UnionWith(await roster.RequiredHandlersAsync(request.Kind, cancellationToken).ConfigureAwait(false));
        required.UnionWith((await ledger.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false)).Select(s => s.Handler));
        await ledger.EnsureStepsAsync(request.Id, required, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return required;
    }

    private async Task RunStepAsync(PrivacyRequest request, StepPlan step, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await ledger.TryClaimStepAsync(request.Id, step.Name, roster.InstanceId, now, now + options.StepLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return; // completed, failed, or running on another live instance
        }

        await audit.AppendAsync(request, "step.started", step.Name, StepState.Started.ToString(), null, cancellationToken).ConfigureAwait(false);
        using var activity = Telemetry.PrivacyMetrics.StartStep(request, step.Name);
        var started = time.GetTimestamp();
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(request.Id, step.Name, renewal.Token);
        var tries = 0; // the claim counted the first try
        var checkpoint = new StepCheckpoint(ledger, claimed, roster.InstanceId);
        StepRecord outcome;
        try
        {
            var result = await RetryPipeline(step.Name).ExecuteAsync(async token =>
            {
                tries++;
                return await step.Run(checkpoint, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            outcome = claimed with { State = StepState.Completed, Attempts = claimed.Attempts + tries - 1, UpdatedAt = time.GetUtcNow(), Result = result, Error = null, Progress = null };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            EngineLog.Failed(logger, step.Name, claimed.Attempts + tries - 1, ex);
            outcome = claimed with { State = StepState.Failed, Attempts = claimed.Attempts + tries - 1, UpdatedAt = time.GetUtcNow(), Error = ex.GetType().Name + ": " + ex.Message, Progress = checkpoint.Progress, Result = checkpoint.Tallies };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The processor is stopping: give the step back, so a restarted instance takes it at once.
            await ledger.FinishStepAsync(claimed with { State = StepState.Pending, UpdatedAt = time.GetUtcNow(), Progress = checkpoint.Progress, Result = checkpoint.Tallies }, roster.InstanceId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        Telemetry.PrivacyMetrics.StepFinished(activity, request, step.Name, outcome.State, time.GetElapsedTime(started), Math.Max(0, tries - 1));
        if (!await ledger.FinishStepAsync(outcome, roster.InstanceId, cancellationToken).ConfigureAwait(false))
        {
            EngineLog.LeaseLost(logger, step.Name);
            return;
        }

        var count = outcome.Result is { } r ? r.Changed + r.Applied + r.Deleted : (int?)null;
        await audit.AppendAsync(request, outcome.State == StepState.Completed ? "step.completed" : "step.failed", step.Name, outcome.State.ToString(), count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews a step's lease at a third of its length until the handler finishes.</summary>
    private async Task RenewLeaseAsync(Guid requestId, string handler, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.StepLease / 3, time, stop).ConfigureAwait(false);
                if (!await ledger.RenewLeaseAsync(requestId, handler, roster.InstanceId, time.GetUtcNow() + options.StepLease, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the handler finished
        }
    }

    private ResiliencePipeline RetryPipeline(string handler)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.HandlerRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.HandlerRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static ex => ex is not OperationCanceledException and not PrivacyException),
                OnRetry = args =>
                {
                    EngineLog.Retry(logger, handler, args.AttemptNumber + 1, args.Outcome.Exception!);
                    return default;
                },
            });
        }

        return builder.Build();
    }
}
