using System.Globalization;
using GoSmart.Privacy.Storage;
using GoSmart.Privacy.Replay;
using GoSmart.Privacy.Verification;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>A request after a lifecycle call, and whether that call moved it to in progress (so its steps may run now).</summary>
/// <param name="Request">The stored request.</param>
/// <param name="Started">Whether the call started it.</param>
internal readonly record struct Transition(PrivacyRequest Request, bool Started);

/// <summary>
/// The life of a request from submission to its final status: received, identity verified (Art. 12(6)), in
/// progress, and closed — rejected, cancelled, or completed from its steps' outcomes — with its deadline
/// (Art. 12(3)) and an audit event at every change. It never runs a handler: that is the <see cref="StepRunner"/>'s.
/// </summary>
internal sealed class RequestLifecycle(IPrivacyRequestStore store, RequestAudit audit, IIdentityVerifier verifier, SubmissionRules rules, RegisteredHandlers handlers, ErasureReplay replay, PrivacyOptions options, TimeProvider time)
{
    /// <summary>The reason of the controller's erasure of a child's data.</summary>
    public const string ChildErasureReason = "The subject is under 13 (privacy policy section 8): their personal data is erased.";

    /// <summary>Stores a checked submission (or returns the subject's open duplicate) and verifies the requester.</summary>
    /// <param name="submission">The submission.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, started when the requester was verified at once.</returns>
    public async Task<Transition> SubmitAsync(PrivacyRequestSubmission submission, CancellationToken cancellationToken)
    {
        rules.Check(submission);
        var request = New(submission.Kind, submission.Subject, RequestOrigin.Subject, rules.ReceivedAt(submission)) with
        {
            Reason = submission.Reason,
            Purpose = submission.Purpose,
            DecisionReference = submission.DecisionReference,
            Corrections = [.. submission.Corrections],
            Channel = submission.Channel,
            Evidence = submission.Evidence,
        };
        var stored = await store.AddOrGetOpenAsync(request, cancellationToken).ConfigureAwait(false);
        if (stored.Id != request.Id)
        {
            await audit.AppendAsync(stored, "duplicate.returned", cancellationToken: cancellationToken).ConfigureAwait(false);
            return new(stored, false);
        }

        await audit.AppendAsync(stored, "received", cancellationToken: cancellationToken).ConfigureAwait(false);
        Telemetry.PrivacyMetrics.RequestSubmitted(stored);
        return await VerifyAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens an erasure the controller decides on — a child's data (Art. 8), a replay after a restore — with no identity verification asked of anyone.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="reason">Why; recorded and told.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, started unless an open one was already past verification.</returns>
    public async Task<Transition> OpenControllerErasureAsync(SubjectRef subject, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var request = New(PrivacyRequestKind.Erasure, subject, RequestOrigin.Controller) with { Reason = reason };
        var stored = await store.AddOrGetOpenAsync(request, cancellationToken).ConfigureAwait(false);
        if (stored.Id != request.Id && stored.Status != PrivacyRequestStatus.AwaitingIdentityVerification)
        {
            return new(stored, false);
        }

        if (stored.Id == request.Id)
        {
            await audit.AppendAsync(stored, "received", cancellationToken: cancellationToken).ConfigureAwait(false);
            Telemetry.PrivacyMetrics.RequestSubmitted(stored);
        }

        return await StartAsync(stored, "identity.not-required", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the requester's identity was confirmed by hand.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started request.</returns>
    /// <exception cref="PrivacyException">The request is not awaiting verification.</exception>
    public async Task<Transition> ConfirmIdentityAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Status != PrivacyRequestStatus.AwaitingIdentityVerification)
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}, not awaiting identity verification: there is nothing to confirm.");
        }

        return await StartAsync(request, "identity.confirmed", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extends the deadline once, by one or two months, with a reason (Art. 12(3)).</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="additionalMonths">1 or 2.</param>
    /// <param name="reason">Why; told to the subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request with its new deadline.</returns>
    public async Task<PrivacyRequest> ExtendDeadlineAsync(Guid requestId, int additionalMonths, string reason, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var extended = RequestDeadlines.Extend(request, additionalMonths, reason, time.GetUtcNow(), options.ControllerTimeZone);
        var stored = await store.UpdateAsync(extended, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(stored, "deadline.extended", outcome: stored.DueAt.ToString("O", CultureInfo.InvariantCulture), cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>Closes an open request as rejected or cancelled.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="status">Rejected or cancelled.</param>
    /// <param name="reason">Why; recorded and told to the subject.</param>
    /// <param name="auditEvent">The audit event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The closed request.</returns>
    /// <exception cref="PrivacyException">No reason, or the request is already closed.</exception>
    public async Task<PrivacyRequest> CloseAsync(Guid requestId, PrivacyRequestStatus status, string reason, string auditEvent, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PrivacyException($"Closing a request as {status} needs a reason: it is recorded and told to the subject.");
        }

        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        return await CloseAsync(request, status, reason, auditEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a failed or incomplete request back in progress, so its remaining steps run again.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reopened request.</returns>
    /// <exception cref="PrivacyException">The request is neither failed nor incomplete.</exception>
    public async Task<PrivacyRequest> ReopenAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        EnsureRetryable(request);
        var reopened = await store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress, StatusReason = null, ClosedAt = null }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(reopened, "retried", cancellationToken: cancellationToken).ConfigureAwait(false);
        return reopened;
    }

    /// <summary>Puts a closed request back in progress because a released legal hold queued its held steps again.</summary>
    /// <param name="request">The request.</param>
    /// <param name="holdId">The released hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, in progress.</returns>
    public async Task<PrivacyRequest> RequeueAsync(PrivacyRequest request, Guid holdId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = request.IsOpen ? request : await store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress, StatusReason = null, ClosedAt = null }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(current, "hold.requeued", outcome: holdId.ToString("D"), cancellationToken: cancellationToken).ConfigureAwait(false);
        return current;
    }

    /// <summary>Refuses to retry a request that is neither failed nor incomplete.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="PrivacyException">It is in another state.</exception>
    public static void EnsureRetryable(PrivacyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is not (PrivacyRequestStatus.Failed or PrivacyRequestStatus.Incomplete))
        {
            throw new PrivacyException($"Request {request.Id} is {request.Status}; only a failed or incomplete request is retried.");
        }
    }

    /// <summary>Marks a package request completed once its package was written.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completed request.</returns>
    public async Task<PrivacyRequest> CompletePackageAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status == PrivacyRequestStatus.Completed)
        {
            return request;
        }

        var completed = await store.UpdateAsync(request with { Status = PrivacyRequestStatus.Completed, ClosedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(completed, "completed", cancellationToken: cancellationToken).ConfigureAwait(false);
        Telemetry.PrivacyMetrics.RequestClosed(completed);
        return completed;
    }

    /// <summary>
    /// Closes a request from its steps once every required step has ended: failed when one failed, incomplete when an
    /// erasure left a tagged type uncovered, completed with exemptions when data was retained or not writable (or a
    /// type acknowledged out of scope), otherwise completed. Re-reads the request when someone changed it meanwhile.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="steps">Its required steps' records.</param>
    /// <param name="required">How many steps it requires.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The closed request, or the request as stored while steps remain.</returns>
    public async Task<PrivacyRequest> CloseFromStepsAsync(PrivacyRequest request, IReadOnlyList<StepRecord> steps, int required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count < required || steps.Any(s => s.State is StepState.Pending or StepState.Started))
        {
            return await store.RequireAsync(request.Id, cancellationToken).ConfigureAwait(false); // other instances or services still have steps to run
        }

        var failed = steps.Where(s => s.State != StepState.Completed).Select(s => s.Handler).Order(StringComparer.Ordinal).ToList();
        var erasure = request.Kind == PrivacyRequestKind.Erasure;
        var uncovered = erasure ? handlers.Coverage.Uncovered : [];
        var outOfScope = erasure ? handlers.Coverage.OutOfScope : [];
        var exempt = outOfScope.Count > 0 || steps.Any(s => s.Result is { } r && (r.Retained > 0 || r.NotWritable > 0 || r.IsHeld));
        var status = failed.Count > 0 ? PrivacyRequestStatus.Failed
            : uncovered.Count > 0 ? PrivacyRequestStatus.Incomplete
            : exempt ? PrivacyRequestStatus.CompletedWithExemptions
            : PrivacyRequestStatus.Completed;
        var reason = failed.Count > 0 ? "Failed handlers: " + string.Join(", ", failed) + ". Their errors are in the report; retry the request to run them again."
            : uncovered.Count > 0 ? "No erasure handler covers " + string.Join(", ", uncovered) + ": their records were not erased. Register a handler that covers them and retry the request, or acknowledge them as out of scope with a reason."
            : null;
        var closedAt = time.GetUtcNow();
        if (erasure && status != PrivacyRequestStatus.Failed)
        {
            // Before the status, so a crash between them leaves the entry (recorded again, the same) rather than none.
            await replay.RecordAsync(request, steps, closedAt, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await store.RequireAsync(request.Id, cancellationToken).ConfigureAwait(false);
            if (current.Status != PrivacyRequestStatus.InProgress)
            {
                return current;
            }

            try
            {
                var closed = await store.UpdateAsync(current with { Status = status, StatusReason = reason, ClosedAt = closedAt, UncoveredTypes = uncovered, OutOfScopeTypes = outOfScope }, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(closed, status == PrivacyRequestStatus.Failed ? "failed" : "completed", cancellationToken: cancellationToken).ConfigureAwait(false);
                Telemetry.PrivacyMetrics.RequestClosed(closed);
                return closed;
            }
            catch (PrivacyConcurrencyException) when (attempt < 5)
            {
                // someone extended the deadline meanwhile: read again
            }
        }
    }

    private PrivacyRequest New(PrivacyRequestKind kind, SubjectRef subject, RequestOrigin origin, DateTimeOffset? receivedAt = null)
    {
        var now = receivedAt ?? time.GetUtcNow();
        return new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Subject = subject,
            Status = PrivacyRequestStatus.Received,
            ReceivedAt = now,
            DueAt = RequestDeadlines.DueAt(now, options.ControllerTimeZone),
            Origin = origin,
        };
    }

    private async Task<Transition> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var awaiting = await store.UpdateAsync(request with { Status = PrivacyRequestStatus.AwaitingIdentityVerification }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(awaiting, "identity.awaiting", cancellationToken: cancellationToken).ConfigureAwait(false);
        // Only a signed-in user's own request is the host verifier's to decide; a form, an e-mail or a letter waits for
        // the e-mail link or an administrator (ConfirmIdentityAsync), whatever verifier the host registered.
        var verdict = awaiting.Channel == RequestChannel.SelfService
            ? await verifier.VerifyAsync(awaiting, cancellationToken).ConfigureAwait(false)
            : IdentityVerdict.Pending(awaiting.Channel == RequestChannel.WebForm ? "Waiting for the requester to follow the link sent to their e-mail address." : "Waiting for an administrator to confirm the requester's identity.");
        switch (verdict.Decision)
        {
            case IdentityDecision.Verified:
                return await StartAsync(awaiting, "identity.verified", cancellationToken).ConfigureAwait(false);
            case IdentityDecision.Rejected:
                return new(await CloseAsync(awaiting, PrivacyRequestStatus.Rejected, verdict.Reason ?? "The requester's identity could not be verified.", "rejected", cancellationToken).ConfigureAwait(false), false);
            default:
                await audit.AppendAsync(awaiting, "identity.pending", cancellationToken: cancellationToken).ConfigureAwait(false);
                return new(awaiting, false);
        }
    }

    private async Task<Transition> StartAsync(PrivacyRequest request, string auditEvent, CancellationToken cancellationToken)
    {
        var started = await store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(started, auditEvent, outcome: started.Status.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new(started, true);
    }

    private async Task<PrivacyRequest> CloseAsync(PrivacyRequest request, PrivacyRequestStatus status, string reason, string auditEvent, CancellationToken cancellationToken)
    {
        if (!request.IsOpen)
        {
            throw new PrivacyException($"Request {request.Id} is already {request.Status}; only an open request can be {status.ToString().ToLowerInvariant()}.");
        }

        var closed = await store.UpdateAsync(request with { Status = status, StatusReason = reason, ClosedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(closed, auditEvent, outcome: status.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        Telemetry.PrivacyMetrics.RequestClosed(closed);
        return closed;
    }
}
