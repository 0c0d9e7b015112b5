using GoSmart.Privacy.Requests.Export;
using GoSmart.Privacy.Requests.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>The request engine: lifecycle, deadlines, verification and audit here; fan-out of handlers in <c>PrivacyRequestService.Steps.cs</c>.</summary>
public sealed partial class PrivacyRequestService : IPrivacyRequestService
{
    private const string ChildErasureReason = "The subject is under 13 (privacy policy section 8): their personal data is erased.";
    private readonly IPrivacyRequestStore _store;
    private readonly IStepLedger _steps;
    private readonly IEngineRegistry _engines;
    private readonly IPrivacyAuditLog _audit;
    private readonly IIdentityVerifier _verifier;
    private readonly IServiceScopeFactory _scopes;
    private readonly RedactionContext _redaction;
    private readonly PrivacyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PrivacyRequestService> _logger;
    private readonly ProcessingRestrictions _restrictions;
    private readonly IErasureCertificateSigner _signer;
    private readonly ErasureCoverage _coverage;
    private readonly bool _reviewsDecisions;
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    /// <summary>Creates the engine. Resolve it from the container: <c>AddGoSmartPrivacy</c> registers it.</summary>
    /// <param name="store">Where requests are kept.</param>
    /// <param name="steps">Where their steps and leases are kept.</param>
    /// <param name="engines">Where engine instances register.</param>
    /// <param name="audit">Where audit events go.</param>
    /// <param name="verifier">Who verifies identities.</param>
    /// <param name="scopes">Creates a scope per request, from which handlers are resolved.</param>
    /// <param name="redaction">The pseudonym key.</param>
    /// <param name="restrictions">The restriction cache.</param>
    /// <param name="options">The SDK's options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; without one (a host that added no logging) nothing is logged.</param>
    public PrivacyRequestService(
        IPrivacyRequestStore store,
        IStepLedger steps,
        IEngineRegistry engines,
        IPrivacyAuditLog audit,
        IIdentityVerifier verifier,
        IServiceScopeFactory scopes,
        RedactionContext redaction,
        IProcessingRestrictions restrictions,
        IOptions<PrivacyOptions> options,
        TimeProvider time,
        ILogger<PrivacyRequestService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _steps = steps;
        _engines = engines;
        _audit = audit;
        _verifier = verifier;
        _scopes = scopes;
        _redaction = redaction;
        _restrictions = restrictions as ProcessingRestrictions
            ?? throw new PrivacyException("PrivacyRequestService needs the SDK's own IProcessingRestrictions: keep the registration AddGoSmartPrivacy makes.");
        _options = options.Value;
        _time = time;
        _logger = logger ?? NullLogger<PrivacyRequestService>.Instance;
        _signer = _options.CertificateSigningKeyPem is { Length: > 0 } pem ? new EcdsaCertificateSigner(pem)
            : _options.CertificateKey is { Length: > 0 } key ? new ErasureCertificateSigner(Convert.FromBase64String(key))
            : ErasureCertificateSigner.FromPseudonymKey(Convert.FromBase64String(_options.PseudonymKey!));
        using (var scope = _scopes.CreateScope())
        {
            HandlerRegistrations.Check(scope.ServiceProvider); // before any request is accepted
            _coverage = new ErasureCoverage(Handlers<IErasureHandler>(scope.ServiceProvider).SelectMany(h => h.Covers), _options.Coverage);
            _reviewsDecisions = Handlers<IAutomatedDecisionReviewer>(scope.ServiceProvider).Count > 0;
        }

        ReportUncoveredTypes();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> UncoveredTypes => _coverage.Uncovered;

    /// <inheritdoc />
    public async Task<PrivacyRequest> SubmitAsync(PrivacyRequestSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        Validate(submission);
        var now = _time.GetUtcNow();
        var request = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            Kind = submission.Kind,
            Subject = submission.Subject,
            Status = PrivacyRequestStatus.Received,
            ReceivedAt = now,
            DueAt = RequestDeadlines.DueAt(now, _options.ControllerTimeZone),
            Origin = RequestOrigin.Subject,
            Reason = submission.Reason,
            Purpose = submission.Purpose,
            DecisionReference = submission.DecisionReference,
            Corrections = [.. submission.Corrections],
        };
        var stored = await _store.AddOrGetOpenAsync(request, cancellationToken).ConfigureAwait(false);
        if (stored.Id != request.Id)
        {
            await AuditAsync(stored, "duplicate.returned", cancellationToken: cancellationToken).ConfigureAwait(false);
            return stored;
        }

        await AuditAsync(stored, "received", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> ConfirmIdentityAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Status != PrivacyRequestStatus.AwaitingIdentityVerification)
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}, not awaiting identity verification: there is nothing to confirm.");
        }

        return await StartAsync(request, "identity.confirmed", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<PrivacyRequest> RejectAsync(Guid requestId, string reason, CancellationToken cancellationToken = default) =>
        CloseAsync(requestId, PrivacyRequestStatus.Rejected, reason, "rejected", cancellationToken);

    /// <inheritdoc />
    public Task<PrivacyRequest> CancelAsync(Guid requestId, string reason, CancellationToken cancellationToken = default) =>
        CloseAsync(requestId, PrivacyRequestStatus.Cancelled, reason, "cancelled", cancellationToken);

    /// <inheritdoc />
    public async Task<PrivacyRequest> ExtendDeadlineAsync(Guid requestId, int additionalMonths, string reason, CancellationToken cancellationToken = default)
    {
        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var extended = RequestDeadlines.Extend(request, additionalMonths, reason, _time.GetUtcNow(), _options.ControllerTimeZone);
        var stored = await _store.UpdateAsync(extended, cancellationToken).ConfigureAwait(false);
        await AuditAsync(stored, "deadline.extended", outcome: stored.DueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken = default) => _store.GetAsync(requestId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<PrivacyRequest> ListAsync(PrivacyRequestQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _store.QueryAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest> EraseUnderageSubjectAsync(SubjectRef subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = _time.GetUtcNow();
        var request = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            Kind = PrivacyRequestKind.Erasure,
            Subject = subject,
            Status = PrivacyRequestStatus.Received,
            ReceivedAt = now,
            DueAt = RequestDeadlines.DueAt(now, _options.ControllerTimeZone),
            Origin = RequestOrigin.Controller,
            Reason = ChildErasureReason,
        };
        var stored = await _store.AddOrGetOpenAsync(request, cancellationToken).ConfigureAwait(false);
        if (stored.Id != request.Id)
        {
            return stored.Status == PrivacyRequestStatus.AwaitingIdentityVerification
                ? await StartAsync(stored, "identity.not-required", cancellationToken).ConfigureAwait(false)
                : stored;
        }

        await AuditAsync(stored, "received", cancellationToken: cancellationToken).ConfigureAwait(false);
        return await StartAsync(stored, "identity.not-required", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public bool VerifyCertificate(ErasureCertificate certificate) => _signer.Verify(certificate);

    private async Task<PrivacyRequest> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var awaiting = await _store.UpdateAsync(request with { Status = PrivacyRequestStatus.AwaitingIdentityVerification }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(awaiting, "identity.awaiting", cancellationToken: cancellationToken).ConfigureAwait(false);
        var verdict = await _verifier.VerifyAsync(awaiting, cancellationToken).ConfigureAwait(false);
        switch (verdict.Decision)
        {
            case IdentityDecision.Verified:
                return await StartAsync(awaiting, "identity.verified", cancellationToken).ConfigureAwait(false);
            case IdentityDecision.Rejected:
                return await CloseAsync(awaiting, PrivacyRequestStatus.Rejected, verdict.Reason ?? "The requester's identity could not be verified.", "rejected", cancellationToken).ConfigureAwait(false);
            default:
                await AuditAsync(awaiting, "identity.pending", cancellationToken: cancellationToken).ConfigureAwait(false);
                return awaiting;
        }
    }

    /// <summary>Moves a verified request to in progress and, when configured, processes it at once.</summary>
    private async Task<PrivacyRequest> StartAsync(PrivacyRequest request, string auditEvent, CancellationToken cancellationToken)
    {
        var started = await _store.UpdateAsync(request with { Status = PrivacyRequestStatus.InProgress }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(started, auditEvent, outcome: started.Status.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return _options.ProcessAfterVerification && HasHandlerSteps(started.Kind)
            ? await ProcessAsync(started.Id, cancellationToken).ConfigureAwait(false)
            : started;
    }

    private async Task<PrivacyRequest> CloseAsync(Guid requestId, PrivacyRequestStatus status, string reason, string auditEvent, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PrivacyException($"Closing a request as {status} needs a reason: it is recorded and told to the subject.");
        }

        var request = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        return await CloseAsync(request, status, reason, auditEvent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PrivacyRequest> CloseAsync(PrivacyRequest request, PrivacyRequestStatus status, string reason, string auditEvent, CancellationToken cancellationToken)
    {
        if (!request.IsOpen)
        {
            throw new PrivacyException($"Request {request.Id} is already {request.Status}; only an open request can be {status.ToString().ToLowerInvariant()}.");
        }

        var closed = await _store.UpdateAsync(request with { Status = status, StatusReason = reason, ClosedAt = _time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        await AuditAsync(closed, auditEvent, outcome: status.ToString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return closed;
    }

    private async Task<PrivacyRequest> RequireAsync(Guid requestId, CancellationToken cancellationToken) =>
        await _store.GetAsync(requestId, cancellationToken).ConfigureAwait(false)
        ?? throw new PrivacyException($"There is no request {requestId}. Check the id, or list the subject's requests with ListAsync.");

    private void Validate(PrivacyRequestSubmission submission)
    {
        if (!Enum.IsDefined(submission.Kind))
        {
            throw new PrivacyException($"'{(int)submission.Kind}' is not a request kind. Use one of: {string.Join(", ", Enum.GetNames<PrivacyRequestKind>())}.");
        }

        if (submission.Subject is null)
        {
            throw new PrivacyException("The submission has no subject. Pass a SubjectRef with the tenant, the subject id and the kind of subject.");
        }

        DisclosureFor(submission.Subject); // a Subscriber's request needs its customer's disclosure before it is accepted

        var corrections = submission.Corrections ?? [];
        if (submission.Kind == PrivacyRequestKind.Rectification)
        {
            using var scope = _scopes.CreateScope();
            CorrectionRules.Check(corrections, Handlers<IRectificationHandler>(scope.ServiceProvider).SelectMany(h => h.Covers));
        }
        else if (corrections.Count > 0)
        {
            throw new PrivacyException($"A {submission.Kind} request carries corrections; only a Rectification request does. Submit the corrections as a Rectification.");
        }

        if (submission.Kind == PrivacyRequestKind.Objection && string.IsNullOrWhiteSpace(submission.Purpose))
        {
            throw new PrivacyException("An objection (Art. 21) names the purpose objected to. Pass a purpose key, e.g. ProcessingPurposes.MarketingCommunications.");
        }

        if (submission.Kind == PrivacyRequestKind.Objection && !DeclaredPurposes(submission.Subject.TenantId).Contains(submission.Purpose!))
        {
            var declared = DeclaredPurposes(submission.Subject.TenantId);
            throw new PrivacyException($"'{submission.Purpose}' is not a declared purpose, so an objection to it would stop nothing. "
                + (declared.Count == 0 ? "No purpose is declared yet: declare" : $"Object to one of: {string.Join(", ", declared.Order(StringComparer.Ordinal))}; or declare")
                + " the purpose in PrivacyOptions.Consent.Purposes or PrivacyOptions.Disclosure.Purposes.");
        }

        if (submission.Kind == PrivacyRequestKind.AutomatedDecisionReview)
        {
            if (string.IsNullOrWhiteSpace(submission.DecisionReference))
            {
                throw new PrivacyException("A review of an automated decision (Art. 22) names the decision contested. Pass its DecisionReference, e.g. the id your system gave the decision ('credit-check/8842').");
            }

            if (!_reviewsDecisions)
            {
                throw new PrivacyException("No one reviews automated decisions here: register an IAutomatedDecisionReviewer with AddAutomatedDecisionReviewer<T>() that routes the review to a person, or do not offer Art. 22 reviews.");
            }
        }
        else if (submission.DecisionReference is not null)
        {
            throw new PrivacyException($"A {submission.Kind} request carries a decision reference; only an AutomatedDecisionReview does. Remove it, or submit an AutomatedDecisionReview.");
        }

        if (submission.Kind != PrivacyRequestKind.Objection && submission.Purpose is not null)
        {
            throw new PrivacyException($"A {submission.Kind} request carries a purpose; only an Objection does. Remove it, or submit an Objection.");
        }
    }

    /// <summary>
    /// What a subject's package tells them (Art. 15(1)): the host's own disclosure, or — for a customer's Subscriber,
    /// processed on the customer's behalf — the customer's, naming the customer as controller and the host as processor.
    /// </summary>
    /// <exception cref="PrivacyException">A Subscriber's tenant has no disclosure.</exception>
    private PrivacyDisclosure DisclosureFor(SubjectRef subject)
    {
        if (subject.Kind != DataSubjectKind.Subscriber)
        {
            return _options.Disclosure;
        }

        if (!_options.TenantDisclosures.TryGetValue(subject.TenantId, out var tenant) || string.IsNullOrWhiteSpace(tenant.Controller))
        {
            throw new PrivacyException($"Tenant '{subject.TenantId}' has no disclosure with a controller, so a Subscriber's request cannot be answered in the customer's name (the customer is the controller of its Subscribers' data; this service is its processor). Add PrivacyOptions.TenantDisclosures[\"{subject.TenantId}\"] with the customer's controller identity, contact, purposes, recipients, retention and sources.");
        }

        return tenant;
    }

    /// <summary>The purposes a subject of <paramref name="tenantId"/> can object to (Art. 21): every consent purpose and every disclosed purpose, shared and the tenant's own.</summary>
    private HashSet<string> DeclaredPurposes(string tenantId) =>
        [.. _options.Consent.PurposesOf(tenantId).Select(p => p.Key)
            .Concat(_options.Disclosure.Purposes.Select(p => p.Key))
            .Concat(_options.TenantDisclosures.TryGetValue(tenantId, out var tenant) ? tenant.Purposes.Select(p => p.Key) : [])];

    private void ReportUncoveredTypes()
    {
        foreach (var type in UncoveredTypes)
        {
            LogUncovered(_logger, type);
        }
    }

    private Task AuditAsync(PrivacyRequest request, string auditEvent, string? handler = null, string? outcome = null, int? count = null, CancellationToken cancellationToken = default) =>
        _audit.AppendAsync(new PrivacyAuditEvent(_time.GetUtcNow(), request.Id, request.Subject.TenantId, SubjectHash(request.Subject), auditEvent, handler, outcome ?? request.Status.ToString(), count), cancellationToken);

    /// <summary>The subject as audit events and certificates hold it: a keyed hash of tenant and id.</summary>
    private string SubjectHash(SubjectRef subject) => _redaction.Pseudonymize(subject.TenantId + "\u001f" + subject.SubjectId);

    private static IReadOnlyList<T> Handlers<T>(IServiceProvider services)
        where T : IPrivacyHandler => [.. services.GetServices<T>()];

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Tagged type {Type} has a [DataSubjectId] but no erasure handler covers it: erasure requests do not erase its records and end Incomplete. Register an IErasureHandler whose Covers includes it, or acknowledge it in PrivacyOptions.Coverage.OutOfScope with a reason.")]
    private static partial void LogUncovered(ILogger logger, string type);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Handler {Handler} failed on attempt {Attempt} of a privacy request; it will be retried.")]
    private static partial void LogRetry(ILogger logger, string handler, int attempt, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Handler {Handler} failed a privacy request after {Attempts} attempts.")]
    private static partial void LogFailed(ILogger logger, string handler, int attempts, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The lease on step {Handler} of a privacy request ended before the handler finished; another instance owns the step now and its outcome here was discarded. Raise PrivacyOptions.StepLease if handlers run longer.")]
    private static partial void LogLeaseLost(ILogger logger, string handler);

    private static bool HasHandlerSteps(PrivacyRequestKind kind) => kind is not (PrivacyRequestKind.Access or PrivacyRequestKind.Portability);
}
