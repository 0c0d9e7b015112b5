using System.Collections.Concurrent;
using GoSmart.Privacy.Requests.Engine;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Certificates;
using GoSmart.Privacy.Replay;

namespace GoSmart.Privacy;

/// <summary>
/// The request engine as hosts call it (<see cref="IPrivacyRequestService"/>), composed of three parts with one job
/// each: the <see cref="RequestLifecycle"/> (submit, verify, deadlines, close), the <see cref="StepRunner"/> (claim,
/// lease, retry, heartbeat, resume) and the <see cref="AccessPackageService"/>; reports and certificates come from
/// <see cref="RequestReports"/>. This class only sequences them: a request verified at once is processed at once,
/// and one request is processed by one caller at a time on this instance.
/// </summary>
internal sealed class PrivacyRequestService(
    IPrivacyRequestStore store,
    IServiceScopeFactory scopes,
    RequestLifecycle lifecycle,
    StepRunner runner,
    EngineRoster roster,
    AccessPackageService packages,
    RequestReports reports,
    RegisteredHandlers handlers,
    ErasureReplay replay,
    IEngineRegistry engines,
    PrivacyOptions options) : IPrivacyRequestService, IHeldWorkQueue
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _processing = new();

    /// <inheritdoc />
    public IReadOnlyList<string> UncoveredTypes => handlers.Coverage.Uncovered;

    /// <inheritdoc />
    public async Task<PrivacyRequest> SubmitAsync(PrivacyRequestSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return await ThenProcessAsync(await lifecycle.SubmitAsync(submission, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> ConfirmIdentityAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        await ThenProcessAsync(await lifecycle.ConfirmIdentityAsync(requestId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<PrivacyRequest> EraseUnderageSubjectAsync(SubjectRef subject, CancellationToken cancellationToken = default) =>
        await ThenProcessAsync(await lifecycle.OpenControllerErasureAsync(subject, RequestLifecycle.ChildErasureReason, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<PrivacyRequest> RejectAsync(Guid requestId, string reason, CancellationToken cancellationToken = default) =>
        lifecycle.CloseAsync(requestId, PrivacyRequestStatus.Rejected, reason, "rejected", cancellationToken);

    /// <inheritdoc />
    public Task<PrivacyRequest> CancelAsync(Guid requestId, string reason, CancellationToken cancellationToken = default) =>
        lifecycle.CloseAsync(requestId, PrivacyRequestStatus.Cancelled, reason, "cancelled", cancellationToken);

    /// <inheritdoc />
    public Task<PrivacyRequest> ExtendDeadlineAsync(Guid requestId, int additionalMonths, string reason, CancellationToken cancellationToken = default) =>
        lifecycle.ExtendDeadlineAsync(requestId, additionalMonths, reason, cancellationToken);

    /// <inheritdoc />
    public Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken = default) => store.GetAsync(requestId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<PrivacyRequest> ListAsync(PrivacyRequestQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return store.QueryAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> ProcessAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var gate = _processing.GetOrAdd(requestId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
            if (!request.IsOpen)
            {
                return request;
            }

            if (request.Status != PrivacyRequestStatus.InProgress)
            {
                throw new PrivacyException($"Request {requestId} is {request.Status}: it has not been verified, so no handler runs (Art. 12(6)). Confirm the identity first.");
            }

            if (!request.Kind.RunsSteps())
            {
                return request; // access and portability complete when their package is written
            }

            using var activity = Telemetry.PrivacyMetrics.StartRequest(request);
            using var scope = scopes.CreateScope();
            var (steps, required) = await runner.RunAsync(request, scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
            return await lifecycle.CloseFromStepsAsync(request, steps, required, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> RetryAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        RequestLifecycle.EnsureRetryable(request); // before any step is touched
        await runner.ResetFailedAsync(requestId, cancellationToken).ConfigureAwait(false);
        await lifecycle.ReopenAsync(request, cancellationToken).ConfigureAwait(false);
        return await ProcessAsync(requestId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ErasureReplayReport> ReplayErasuresAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var due = await replay.DueAsync(since, cancellationToken).ConfigureAwait(false); // every entry opens before anything is erased
        var lines = new List<ReplayedErasure>(due.Count);
        foreach (var (entry, subject) in due)
        {
            var opened = await lifecycle.OpenControllerErasureAsync(subject, ErasureReplay.Reason(entry, since), cancellationToken).ConfigureAwait(false);
            var done = opened.Request.Status == PrivacyRequestStatus.InProgress ? await ProcessAsync(opened.Request.Id, cancellationToken).ConfigureAwait(false) : opened.Request;
            var report = await reports.GetReportAsync(done.Id, cancellationToken).ConfigureAwait(false);
            var results = report.Handlers.Select(h => h.Result).OfType<HandlerResult>().ToList();
            lines.Add(new ReplayedErasure(entry.RequestId, entry.CompletedAt, entry.TenantId, entry.SubjectHash, done.Id, done.Status, results.Sum(r => r.Changed), results.Sum(r => r.Deleted)));
        }

        return new ErasureReplayReport(since, lines);
    }

    /// <inheritdoc />
    public async Task<bool> RequeueHeldAsync(Guid requestId, Guid holdId, CancellationToken cancellationToken)
    {
        var gate = _processing.GetOrAdd(requestId, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if ((await runner.ResetHeldAsync(requestId, holdId, cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                return false;
            }

            await lifecycle.RequeueAsync(await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false), holdId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        if (options.ProcessAfterVerification)
        {
            await ProcessAsync(requestId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<int> ResumeAsync(CancellationToken cancellationToken = default)
    {
        using (var scope = scopes.CreateScope())
        {
            await roster.HeartbeatAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        }

        var resumed = 0;
        await foreach (var request in store.QueryAsync(new PrivacyRequestQuery { Status = PrivacyRequestStatus.InProgress }, cancellationToken).ConfigureAwait(false))
        {
            if (request.Kind.RunsSteps())
            {
                await ProcessAsync(request.Id, cancellationToken).ConfigureAwait(false);
                resumed++;
            }
        }

        return resumed;
    }

    /// <inheritdoc />
    public Task RetireServiceAsync(string service, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return engines.RetireServiceAsync(service, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PrivacyRequest> WriteAccessPackageAsync(Guid requestId, Stream destination, AccessPackageFormat format, CancellationToken cancellationToken = default) =>
        packages.WriteAsync(requestId, destination, format, cancellationToken);

    /// <inheritdoc />
    public Task<PrivacyRequestReport> GetReportAsync(Guid requestId, CancellationToken cancellationToken = default) => reports.GetReportAsync(requestId, cancellationToken);

    /// <inheritdoc />
    public Task<ErasureCertificate> GetErasureCertificateAsync(Guid requestId, CancellationToken cancellationToken = default) => reports.GetErasureCertificateAsync(requestId, cancellationToken);

    /// <inheritdoc />
    public bool VerifyCertificate(ErasureCertificate certificate) => reports.Verify(certificate);

    /// <summary>Processes a request its lifecycle call just started, when the host asked for processing after verification.</summary>
    private async Task<PrivacyRequest> ThenProcessAsync(Transition transition, CancellationToken cancellationToken) =>
        transition.Started && options.ProcessAfterVerification && transition.Request.Kind.RunsSteps()
            ? await ProcessAsync(transition.Request.Id, cancellationToken).ConfigureAwait(false)
            : transition.Request;
}
