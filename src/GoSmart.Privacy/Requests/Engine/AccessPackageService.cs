using GoSmart.Privacy.Export;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// Writes the access or portability package of a verified request (Art. 15 and 20): every exporter's records
/// streamed into one package, each exporter recorded as a completed step with its record count, and the request
/// completed. Writing it again (a second download) records the exporters again and leaves the request completed.
/// </summary>
internal sealed class AccessPackageService(IPrivacyRequestStore store, IStepLedger ledger, IServiceScopeFactory scopes, RequestLifecycle lifecycle, Disclosures disclosures, RequestAudit audit, RedactionContext redaction, TimeProvider time)
{
    /// <summary>Writes the package of <paramref name="requestId"/> to <paramref name="destination"/>.</summary>
    /// <param name="requestId">An access or portability request, verified.</param>
    /// <param name="destination">Where the package goes; left open.</param>
    /// <param name="format">JSON or zip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completed request.</returns>
    /// <exception cref="PrivacyException">Not a package request, or not verified.</exception>
    public async Task<PrivacyRequest> WriteAsync(Guid requestId, Stream destination, AccessPackageFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var request = await store.RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (request.Kind is not (PrivacyRequestKind.Access or PrivacyRequestKind.Portability))
        {
            throw new PrivacyException($"Request {requestId} is a {request.Kind} request; a package is written for Access and Portability requests only.");
        }

        if (request.Status is not (PrivacyRequestStatus.InProgress or PrivacyRequestStatus.Completed))
        {
            throw new PrivacyException($"Request {requestId} is {request.Status}: a package is written only for a verified request (Art. 12(6)). Confirm the identity first.");
        }

        IReadOnlyList<(string Exporter, int Records)> counts;
        using (var scope = scopes.CreateScope())
        {
            var disclosure = disclosures.For(request.Subject);
            var freeText = scope.ServiceProvider.GetService<IFreeTextRedaction>() is { } texts ? await texts.ForDisclosureAsync(request.Subject, request.Id, cancellationToken).ConfigureAwait(false) : null;
            var writer = new AccessPackageWriter(redaction.WithFreeText(freeText), disclosure, disclosures.ProcessorFor(request.Subject, disclosure), disclosures.RetentionOf(disclosure));
            counts = await writer.WriteAsync(request, RegisteredHandlers.Of<IPersonalDataExporter>(scope.ServiceProvider), destination, format, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        var previous = (await ledger.GetStepsAsync(requestId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Handler, StringComparer.Ordinal);
        foreach (var (exporter, records) in counts)
        {
            var attempts = previous.TryGetValue(exporter, out var step) ? step.Attempts + 1 : 1;
            await ledger.SaveStepAsync(new StepRecord(requestId, exporter, StepState.Completed, attempts, time.GetUtcNow(), HandlerResult.Empty with { Applied = records }, null), cancellationToken).ConfigureAwait(false);
            await audit.AppendAsync(request, "step.completed", exporter, StepState.Completed.ToString(), records, cancellationToken).ConfigureAwait(false);
        }

        return await lifecycle.CompletePackageAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
