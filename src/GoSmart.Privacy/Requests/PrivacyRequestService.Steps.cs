using System.Collections.Concurrent;
using GoSmart.Privacy.Requests.Export;
using GoSmart.Privacy.Requests.Processing;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;

namespace GoSmart.Privacy;

/// <summary>The fan-out: each (request, handler) step recorded before and after it runs, retried with backoff, run at most once to completion.</summary>
public sealed partial class PrivacyRequestService
{
    private const string RestrictionsStep = "gosmart.restrictions";
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _processing = new();
    private long _lastHeartbeatTicks;

    /// <inheritdoc />
    public async Task<PrivacyRequest> ProcessAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var gate = _processing.GetOrAdd(requestId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
            if (!request.IsOpen)
            {
                return request;
            }

            if (request.Status != PrivacyRequestStatus.InProgress)
            {
                throw new PrivacyException($"Request {requestId} is {request.Status}: it has not been verified, so no handler runs (Art. 12(6)). Confirm the identity first.");
            }

            if (!HasHandlerSteps(request.Kind))
            {
                return request; // access and portability complete when their package is written
            }

            using var scope = _scopes.CreateScope();
            var steps = Steps(request, scope.ServiceProvider);
            var required = await RequiredStepsAsync(request, steps, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
            await RunStepsAsync(request, steps, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(request, required, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> RetryAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Status is not (PrivacyRequestStatus.Failed or PrivacyRequestStatus.Incomplete))
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}; only a failed or incomplete request is retried.");
        }

        foreach (var failed in (await _steps.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).Where(s => s.State == StepState.Failed))
        {
            await _steps.SaveStepAsync(failed with { State = StepState.Pending, Owner = null, LeaseUntil = null, UpdatedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }

        var reopened = await _store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress, StatusReason = null, ClosedAt = null }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(reopened, "retried", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ProcessAsync(requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RetireServiceAsync(string service, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        await _engines.RetireServiceAsync(service, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> ResumeAsync(CancellationToken cancellationToken = default)
    {
        using (var scope = _scopes.CreateScope())
        {
            await HeartbeatAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        }

        var resumed = 0;
        await foreach (var request in _store.QueryAsync(new PrivacyRequestQuery { Status = PrivacyRequestStatus.InProgress }, cancellationToken).ConfigureAwait(false))
        {
            if (HasHandlerSteps(request.Kind))
            {
                await ProcessAsync(request.Id, cancellationToken).ConfigureAwait(false);
                resumed++;
            }
        }

        return resumed;
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> WriteAccessPackageAsync(Guid requestId, Stream destination, AccessPackageFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Kind is not (PrivacyRequestKind.Access or PrivacyRequestKind.Portability))
        {
            throw new PrivacyException($"Request {requestId} is a {request.Kind} request; a package is written for Access and Portability requests only.");
        }

        if (request.Status is not (PrivacyRequestStatus.InProgress or PrivacyRequestStatus.Completed))
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}: a package is written only for a verified request (Art. 12(6)). Confirm the identity first.");
        }

        using var scope = _scopes.CreateScope();
        var exporters = Handlers<IPersonalDataExporter>(scope.ServiceProvider);
        var disclosure = DisclosureFor(request.Subject);
        var processor = request.Subject.Kind == DataSubjectKind.Subscriber ? disclosure.Processor ?? _options.Disclosure.Controller : disclosure.Processor;
        var writer = new AccessPackageWriter(_redaction, disclosure, processor);
        var counts = await writer.WriteAsync(request, exporters, destination, format, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var previous = (await _steps.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Handler, StringComparer.Ordinal);
        foreach (var (exporter, records) in counts)
        {
            var attempts = previous.TryGetValue(exporter, out var step) ? step.Attempts + 1 : 1;
            await _steps.SaveStepAsync(new StepRecord(requestId, exporter, StepState.Completed, attempts, _time.GetUtcNow(), HandlerResult.Empty with { Applied = records }, null), cancellationToken).ConfigureAwait(false);
            await AuditAsync(request, "step.completed", exporter, StepState.Completed.ToString(), records, cancellationToken).ConfigureAwait(false);
        }

        if (request.Status == PrivacyRequestStatus.Completed)
        {
            return request;
        }

        var completed = await _store.UpdateAsync(request with { Status = PrivacyRequestStatus.Completed, ClosedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(completed, "completed", cancellationToken: cancellationToken).ConfigureAwait(false);
        return completed;
    }

    /// <inheritdoc />
    public async Task<PrivacyRequestReport> GetReportAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var steps = await _steps.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var uncovered = request.Kind != PrivacyRequestKind.Erasure ? [] : request.IsOpen ? UncoveredTypes : request.UncoveredTypes;
        var engines = await _engines.GetEnginesAsync(cancellationToken).ConfigureAwait(false);
        return new PrivacyRequestReport(request, [.. steps.Select(s => new HandlerOutcome(s.Handler, s.State, s.Attempts, s.Result, s.Error ?? Waiting(s, request.Kind, engines)))], uncovered);
    }

    /// <inheritdoc />
    public async Task<ErasureCertificate> GetErasureCertificateAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Kind != PrivacyRequestKind.Erasure || request.Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.CompletedWithExemptions or PrivacyRequestStatus.Incomplete))
        {
            throw new PrivacyException($"Request {requestId} is a {request.Status} {request.Kind} request; certificates are issued for erasures whose handlers all completed (an Incomplete one names what was not reached).");
        }

        var steps = await _steps.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var lines = steps.Where(s => s.State == StepState.Completed && s.Result is not null)
            .OrderBy(s => s.Handler, StringComparer.Ordinal)
            .Select(s => new CertificateLine(s.Handler, s.Result!.Changed, s.Result.Retained, s.Result.Deleted, s.Result.Exemptions, s.Result.RecipientsNotified))
            .ToList();
        return _signer.Sign(new ErasureCertificate(request.Id, request.Subject.TenantId, SubjectHash(request.Subject), request.ReceivedAt, request.ClosedAt!.Value, request.Status, lines, request.UncoveredTypes, string.Empty) { OutOfScopeTypes = request.OutOfScopeTypes });
    }

    private List<StepPlan> Steps(PrivacyRequest request, IServiceProvider services)
    {
        switch (request.Kind)
        {
            case PrivacyRequestKind.Erasure:
            {
                var handlers = Handlers<IErasureHandler>(services);
                return [.. handlers.Select(h => new StepPlan(h.Name, async ct =>
                {
                    var context = new ErasureContext(request, _redaction, h.Name);
                    await h.EraseAsync(context, ct).ConfigureAwait(false);
                    return context.Result();
                }))];
            }

            case PrivacyRequestKind.Rectification:
            {
                var handlers = Handlers<IRectificationHandler>(services);
                return [.. handlers.Select(h => new StepPlan(h.Name, async ct =>
                {
                    var context = new RectificationContext(request, h.Name);
                    await h.RectifyAsync(context, ct).ConfigureAwait(false);
                    return context.Result();
                }))];
            }

            case PrivacyRequestKind.AutomatedDecisionReview:
            {
                var reviewers = Handlers<IAutomatedDecisionReviewer>(services);
                return [.. reviewers.Select(h => new StepPlan(h.Name, async ct =>
                {
                    var context = new AutomatedDecisionReviewContext(request, h.Name);
                    await h.ReviewAsync(context, ct).ConfigureAwait(false);
                    return context.Result();
                }))];
            }

            default:
                return [new StepPlan(RestrictionsStep, async ct =>
                {
                    var now = _time.GetUtcNow();
                    if (request.Kind == PrivacyRequestKind.Objection)
                    {
                        await _restrictions.AddObjectionAsync(request.Subject, request.Purpose!, now, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await _restrictions.SetRestrictedAsync(request.Subject, request.Kind == PrivacyRequestKind.Restriction, now, ct).ConfigureAwait(false);
                    }

                    return HandlerResult.Empty with { Applied = 1 };
                })];
        }
    }

    /// <summary>
    /// Registers this instance's handlers (a heartbeat) and creates the request's steps: one for every handler any
    /// registered instance hosts for the request's kind, so a request submitted through one service waits for the
    /// others' handlers. Returns the names of every step the request needs.
    /// </summary>
    private async Task<HashSet<string>> RequiredStepsAsync(PrivacyRequest request, List<StepPlan> local, IServiceProvider services, CancellationToken cancellationToken)
    {
        await HeartbeatAsync(services, cancellationToken).ConfigureAwait(false);
        var required = local.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (request.Kind is PrivacyRequestKind.Erasure or PrivacyRequestKind.Rectification or PrivacyRequestKind.AutomatedDecisionReview)
        {
            // Per service, the handlers of its most recent instance: a new version that drops a handler stops requiring it,
            // while a service that is down (no live instance) still keeps its handlers required.
            var engines = await _engines.GetEnginesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var latest in engines.GroupBy(e => e.Service, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.HeartbeatAt)!))
            {
                required.UnionWith(latest.Handlers.Where(h => h.Kind == request.Kind).Select(h => h.Handler));
            }
        }

        var existing = await _steps.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false);
        required.UnionWith(existing.Select(s => s.Handler)); // steps created earlier stay required
        await _steps.EnsureStepsAsync(request.Id, required, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return required;
    }

    /// <summary>Tells the store this instance is alive and which handlers it hosts.</summary>
    private async Task HeartbeatAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // One write per quarter of the heartbeat timeout is enough: ResumeAsync processing many requests heartbeats once.
        var now = _time.GetUtcNow();
        var last = Interlocked.Read(ref _lastHeartbeatTicks);
        if (last != 0 && now.UtcTicks - last < (_options.HeartbeatTimeout / 4).Ticks)
        {
            return;
        }

        var handlers = Handlers<IErasureHandler>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.Erasure, h.Name))
            .Concat(Handlers<IRectificationHandler>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.Rectification, h.Name)))
            .Concat(Handlers<IAutomatedDecisionReviewer>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.AutomatedDecisionReview, h.Name)))
            .ToList();
        await _engines.HeartbeatAsync(new EngineRegistration(_instanceId, _options.ServiceName, handlers, now), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastHeartbeatTicks, now.UtcTicks); // only after the write: a failed heartbeat is retried next time
    }

    /// <summary>
    /// Runs the steps this instance hosts, concurrently up to the configured degree: each is claimed under a lease
    /// (so no other instance runs it at the same time), the lease is renewed while the handler runs, and the outcome is
    /// written only while the lease is held. A stopped processor releases its steps; a crashed one's leases expire.
    /// </summary>
    private async Task RunStepsAsync(PrivacyRequest request, List<StepPlan> steps, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(steps, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelHandlers, CancellationToken = cancellationToken }, async (step, ct) =>
        {
            var now = _time.GetUtcNow();
            var claimed = await _steps.TryClaimStepAsync(request.Id, step.Name, _instanceId, now, now + _options.StepLease, ct).ConfigureAwait(false);
            if (claimed is null)
            {
                return; // completed, failed, or running on another live instance
            }

            await AuditAsync(request, "step.started", step.Name, StepState.Started.ToString(), null, ct).ConfigureAwait(false);
            using var renewal = new CancellationTokenSource();
            var renewing = RenewLeaseAsync(request.Id, step.Name, renewal.Token);
            var tries = 0; // the claim counted the first try
            StepRecord outcome;
            try
            {
                var result = await RetryPipeline(step.Name).ExecuteAsync(async token =>
                {
                    tries++;
                    return await step.Run(token).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
                outcome = claimed with { State = StepState.Completed, Attempts = claimed.Attempts + tries - 1, UpdatedAt = _time.GetUtcNow(), Result = result, Error = null };
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogFailed(_logger, step.Name, claimed.Attempts + tries - 1, ex);
                outcome = claimed with { State = StepState.Failed, Attempts = claimed.Attempts + tries - 1, UpdatedAt = _time.GetUtcNow(), Error = ex.GetType().Name + ": " + ex.Message };
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The processor is stopping: give the step back, so a restarted instance takes it at once.
                await _steps.FinishStepAsync(claimed with { State = StepState.Pending, UpdatedAt = _time.GetUtcNow() }, _instanceId, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            finally
            {
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            if (!await _steps.FinishStepAsync(outcome, _instanceId, ct).ConfigureAwait(false))
            {
                LogLeaseLost(_logger, step.Name);
                return;
            }

            var count = outcome.Result is { } r ? r.Changed + r.Applied + r.Deleted : (int?)null;
            await AuditAsync(request, outcome.State == StepState.Completed ? "step.completed" : "step.failed", step.Name, outcome.State.ToString(), count, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Renews a step's lease at a third of its length until the handler finishes.</summary>
    private async Task RenewLeaseAsync(Guid requestId, string handler, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.StepLease / 3, _time, stop).ConfigureAwait(false);
                if (!await _steps.RenewLeaseAsync(requestId, handler, _instanceId, _time.GetUtcNow() + _options.StepLease, stop).ConfigureAwait(false))
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

    /// <summary>Why a step has not run yet: no live instance hosts its handler.</summary>
    private string? Waiting(StepRecord step, PrivacyRequestKind kind, IReadOnlyList<EngineRegistration> engines)
    {
        if (step.State != StepState.Pending || step.Handler == RestrictionsStep)
        {
            return null;
        }

        var hosts = engines.Where(e => e.Handlers.Any(h => h.Handler == step.Handler && h.Kind == kind)).ToList();
        var live = hosts.Any(e => e.HeartbeatAt >= _time.GetUtcNow() - _options.HeartbeatTimeout);
        return live ? null : hosts.Count == 0
            ? $"Waiting: no engine instance hosts '{step.Handler}'."
            : $"Waiting: no live engine instance hosts '{step.Handler}' (service {string.Join(", ", hosts.Select(h => h.Service).Distinct())}, last heartbeat {hosts.Max(h => h.HeartbeatAt):O}).";
    }

    /// <summary>Sets the final status from the steps, re-reading the request if someone changed it meanwhile.</summary>
    private async Task<PrivacyRequest> CompleteAsync(PrivacyRequest request, HashSet<string> stepNames, CancellationToken cancellationToken)
    {
        var steps = (await _steps.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false)).Where(s => stepNames.Contains(s.Handler)).ToList();
        if (steps.Count < stepNames.Count || steps.Any(s => s.State is StepState.Pending or StepState.Started))
        {
            return await RequireAsync(request.Id, cancellationToken).ConfigureAwait(false); // other instances or services still have steps to run
        }

        var failed = steps.Where(s => s.State != StepState.Completed).Select(s => s.Handler).Order(StringComparer.Ordinal).ToList();
        var erasure = request.Kind == PrivacyRequestKind.Erasure;
        var uncovered = erasure ? UncoveredTypes : [];
        var outOfScope = erasure ? _coverage.OutOfScope : [];
        var exempt = outOfScope.Count > 0 || steps.Any(s => s.Result is { } r && (r.Retained > 0 || r.NotWritable > 0));
        var status = failed.Count > 0 ? PrivacyRequestStatus.Failed
            : uncovered.Count > 0 ? PrivacyRequestStatus.Incomplete
            : exempt ? PrivacyRequestStatus.CompletedWithExemptions
            : PrivacyRequestStatus.Completed;
        for (var attempt = 0; ; attempt++)
        {
            var current = await RequireAsync(request.Id, cancellationToken).ConfigureAwait(false);
            if (current.Status != PrivacyRequestStatus.InProgress)
            {
                return current;
            }

            try
            {
                var closed = await _store.UpdateAsync(current with
                {
                    Status = status,
                    StatusReason = failed.Count > 0 ? "Failed handlers: " + string.Join(", ", failed) + ". Their errors are in the report; retry the request to run them again."
                        : uncovered.Count > 0 ? "No erasure handler covers " + string.Join(", ", uncovered) + ": their records were not erased. Register a handler that covers them and retry the request, or acknowledge them as out of scope with a reason."
                        : null,
                    ClosedAt = _time.GetUtcNow(),
                    UncoveredTypes = uncovered,
                    OutOfScopeTypes = outOfScope,
                }, cancellationToken).ConfigureAwait(false);
                await AuditAsync(closed, status == PrivacyRequestStatus.Failed ? "failed" : "completed", cancellationToken: cancellationToken).ConfigureAwait(false);
                return closed;
            }
            catch (PrivacyConcurrencyException) when (attempt < 5)
            {
                // someone extended the deadline meanwhile: read again
            }
        }
    }

    private ResiliencePipeline RetryPipeline(string handler)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.HandlerRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.HandlerRetries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static ex => ex is not OperationCanceledException and not PrivacyException),
                OnRetry = args =>
                {
                    LogRetry(_logger, handler, args.AttemptNumber + 1, args.Outcome.Exception!);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private sealed record StepPlan(string Name, Func<CancellationToken, Task<HandlerResult>> Run);
}
