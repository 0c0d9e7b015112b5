using GoSmart.Privacy.Storage;
using GoSmart.Privacy.Certificates;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>What a request's outcome is told as: the report of every step, and the signed erasure certificate.</summary>
internal sealed class RequestReports(IPrivacyRequestStore store, IStepLedger ledger, IEngineRegistry engines, EngineRoster roster, RegisteredHandlers handlers, RequestAudit audit, IErasureCertificateSigner signer)
{
    /// <summary>Reports every step of a request, with why a pending one waits; an erasure names the types no handler covers.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    public async Task<PrivacyRequestReport> GetReportAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var steps = await ledger.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var uncovered = request.Kind != PrivacyRequestKind.Erasure ? [] : request.IsOpen ? handlers.Coverage.Uncovered : request.UncoveredTypes;
        var registered = await engines.GetEnginesAsync(cancellationToken).ConfigureAwait(false);
        return new PrivacyRequestReport(request, [.. steps.Select(s => new HandlerOutcome(s.Handler, s.State, s.Attempts, s.Result, s.Error ?? roster.Waiting(s, request.Kind, registered)))], uncovered);
    }

    /// <summary>Issues the signed certificate of a closed erasure: each completed step's counts, exemptions and recipients, and what was not reached.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The signed certificate.</returns>
    /// <exception cref="PrivacyException">Not an erasure whose handlers all ended.</exception>
    public async Task<ErasureCertificate> GetErasureCertificateAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Kind != PrivacyRequestKind.Erasure || request.Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.CompletedWithExemptions or PrivacyRequestStatus.Incomplete))
        {
            throw new PrivacyException($"Request {requestId} is a {request.Status} {request.Kind} request; certificates are issued for erasures whose handlers all completed (an Incomplete one names what was not reached).");
        }

        var steps = await ledger.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false);
        var lines = steps.Where(s => s.State == StepState.Completed && s.Result is not null)
            .OrderBy(s => s.Handler, StringComparer.Ordinal)
            .Select(s => new CertificateLine(s.Handler, s.Result!))
            .ToList();
        return signer.Sign(new ErasureCertificate(request.Id, request.Subject.TenantId, audit.SubjectHash(request.Subject), request.ReceivedAt, request.ClosedAt!.Value, request.Status, lines, request.UncoveredTypes, string.Empty) { OutOfScopeTypes = request.OutOfScopeTypes });
    }

    /// <summary>Checks a certificate's signature with this engine's key.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when it is authentic and unaltered.</returns>
    public bool Verify(ErasureCertificate certificate) => signer.Verify(certificate);
}
