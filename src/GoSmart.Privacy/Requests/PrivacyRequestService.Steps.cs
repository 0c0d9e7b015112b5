using System.Collections.Concurrent;
using System.Text.RegularExpressions;
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
            await RunStepsAsync(request, steps, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(request, steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
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
        if (request.Status != PrivacyRequestStatus.Failed)
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}; only a failed request is retried.");
        }

        var reopened = await _store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress, StatusReason = null, ClosedAt = null }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(reopened, "retried", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ProcessAsync(requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> ResumeAsync(CancellationToken cancellationToken = default)
    {
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
        CheckNames(exporters);
        var writer = new AccessPackageWriter(_redaction, _options.Disclosure);
        var counts = await writer.WriteAsync(request, exporters, destination, format, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var previous = (await _store.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Handler, StringComparer.Ordinal);
        foreach (var (exporter, records) in counts)
        {
            var attempts = previous.TryGetValue(exporter, out var step) ? step.Attempts + 1 : 1;
            await _store.SaveStepAsync(new StepRecord(requestId, exporter, StepState.Completed, attempts, _time.GetUtcNow(), HandlerResult.Empty with { Applied = records }, null), cancellationToken).ConfigureAwait(false);
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
        var steps = await _store.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var uncovered = request.Kind != PrivacyRequestKind.Erasure ? [] : request.IsOpen ? UncoveredTypes : request.UncoveredTypes;
        return new PrivacyRequestReport(request, [.. steps.Select(s => new HandlerOutcome(s.Handler, s.State, s.Attempts, s.Result, s.Error))], uncovered);
    }

    /// <inheritdoc />
    public async Task<ErasureCertificate> GetErasureCertificateAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Kind != PrivacyRequestKind.Erasure || request.Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.CompletedWithExemptions))
        {
            throw new PrivacyException($"Request {requestId} is a {request.Status} {request.Kind} request; certificates are issued for completed erasures only.");
        }

        var steps = await _store.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var lines = steps.Where(s => s.State == StepState.Completed && s.Result is not null)
            .OrderBy(s => s.Handler, StringComparer.Ordinal)
            .Select(s => new CertificateLine(s.Handler, s.Result!.Changed, s.Result.Retained, s.Result.Deleted, s.Result.Exemptions, s.Result.RecipientsNotified))
            .ToList();
        return _signer.Sign(new ErasureCertificate(request.Id, request.Subject.TenantId, SubjectHash(request.Subject), request.ReceivedAt, request.ClosedAt!.Value, request.Status, lines, request.UncoveredTypes, string.Empty));
    }

    private List<StepPlan> Steps(PrivacyRequest request, IServiceProvider services)
    {
        switch (request.Kind)
        {
            case PrivacyRequestKind.Erasure:
            {
                var handlers = Handlers<IErasureHandler>(services);
                CheckNames(handlers);
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
                CheckNames(handlers);
                return [.. handlers.Select(h => new StepPlan(h.Name, async ct =>
                {
                    var context = new RectificationContext(request, h.Name);
                    await h.RectifyAsync(context, ct).ConfigureAwait(false);
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

    /// <summary>Runs every step not yet completed, concurrently up to the configured degree, each retried with backoff.</summary>
    private async Task RunStepsAsync(PrivacyRequest request, List<StepPlan> steps, CancellationToken cancellationToken)
    {
        var previous = (await _store.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Handler, StringComparer.Ordinal);
        var pending = steps.Where(s => !(previous.TryGetValue(s.Name, out var p) && p.State == StepState.Completed)).ToList();
        var pipeline = RetryPipeline();
        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelHandlers, CancellationToken = cancellationToken }, async (step, ct) =>
        {
            var attempts = previous.TryGetValue(step.Name, out var record) ? record.Attempts : 0;
            try
            {
                var result = await pipeline.ExecuteAsync(async token =>
                {
                    attempts++;
                    await _store.SaveStepAsync(new StepRecord(request.Id, step.Name, StepState.Started, attempts, _time.GetUtcNow(), null, null), token).ConfigureAwait(false);
                    await AuditAsync(request, "step.started", step.Name, StepState.Started.ToString(), null, token).ConfigureAwait(false);
                    return await step.Run(token).ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
                await _store.SaveStepAsync(new StepRecord(request.Id, step.Name, StepState.Completed, attempts, _time.GetUtcNow(), result, null), ct).ConfigureAwait(false);
                await AuditAsync(request, "step.completed", step.Name, StepState.Completed.ToString(), result.Changed + result.Applied + result.Deleted, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogFailed(_logger, step.Name, attempts, ex);
                await _store.SaveStepAsync(new StepRecord(request.Id, step.Name, StepState.Failed, attempts, _time.GetUtcNow(), null, ex.GetType().Name + ": " + ex.Message), ct).ConfigureAwait(false);
                await AuditAsync(request, "step.failed", step.Name, ex.GetType().Name, null, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Sets the final status from the steps, re-reading the request if someone changed it meanwhile.</summary>
    private async Task<PrivacyRequest> CompleteAsync(PrivacyRequest request, HashSet<string> stepNames, CancellationToken cancellationToken)
    {
        var steps = (await _store.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false)).Where(s => stepNames.Contains(s.Handler)).ToList();
        var failed = steps.Where(s => s.State != StepState.Completed).Select(s => s.Handler).Order(StringComparer.Ordinal).ToList();
        var uncovered = request.Kind == PrivacyRequestKind.Erasure ? UncoveredTypes : [];
        var exempt = uncovered.Count > 0 || steps.Any(s => s.Result is { } r && (r.Retained > 0 || r.NotWritable > 0));
        var status = failed.Count > 0 ? PrivacyRequestStatus.Failed : exempt ? PrivacyRequestStatus.CompletedWithExemptions : PrivacyRequestStatus.Completed;
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
                    StatusReason = failed.Count > 0 ? "Failed handlers: " + string.Join(", ", failed) + ". Their errors are in the report; retry the request to run them again." : null,
                    ClosedAt = _time.GetUtcNow(),
                    UncoveredTypes = uncovered,
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

    private ResiliencePipeline RetryPipeline()
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
                    LogRetry(_logger, "handler", args.AttemptNumber + 1, args.Outcome.Exception!);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static void CheckNames(IEnumerable<IPrivacyHandler> handlers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (string.IsNullOrWhiteSpace(handler.Name) || !HandlerName().IsMatch(handler.Name))
            {
                throw new PrivacyException($"Handler {handler.GetType().Name} has the name '{handler.Name}'. A handler name is lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, e.g. 'crm.contacts'.");
            }

            if (!seen.Add(handler.Name))
            {
                throw new PrivacyException($"Two handlers of the same kind are named '{handler.Name}'. Give each a stable, distinct name: it names its step and its section of the access package.");
            }

            if (handler.Covers is null)
            {
                throw new PrivacyException($"Handler '{handler.Name}' has no Covers. List the tagged types whose records it reaches.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex HandlerName();

    private sealed record StepPlan(string Name, Func<CancellationToken, Task<HandlerResult>> Run);
}
