using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using GoSmart.Privacy.Certificates;
using GoSmart.Privacy.Replay;
using GoSmart.Privacy.Verification;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>The engine's composition: its parts built once, from the host's stores, verifier, options and clock.</summary>
internal static class RequestEngine
{
    /// <summary>Builds the engine; called once, by the container, when <see cref="IPrivacyRequestService"/> is first resolved.</summary>
    /// <param name="services">The container.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="PrivacyException">A handler registration is broken, or the certificate key is unusable.</exception>
    public static IPrivacyRequestService Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PrivacyOptions>>();
        var o = options.Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<PrivacyRequestService>() ?? (ILogger)NullLogger.Instance; // a host that added no logging logs nothing
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var redaction = services.GetRequiredService<RedactionContext>();
        var store = services.GetRequiredService<IPrivacyRequestStore>();
        var ledger = services.GetRequiredService<IStepLedger>();
        var engines = services.GetRequiredService<IEngineRegistry>();
        var restrictions = services.GetRequiredService<ProcessingRestrictions>();

        var handlers = new RegisteredHandlers(scopes, options, logger); // checks every registration before any request is accepted
        var disclosures = new Disclosures(o);
        var audit = new RequestAudit(services.GetRequiredService<IPrivacyAuditLog>(), redaction, time);
        var replay = new ErasureReplay(services.GetRequiredService<IErasureReplayLedger>(), new SubjectSeal(Convert.FromBase64String(o.PseudonymKey!)), audit);
        var lifecycle = new RequestLifecycle(store, audit, services.GetRequiredService<IIdentityVerifier>(), new SubmissionRules(scopes, disclosures, handlers, time), handlers, replay, o, time);
        var roster = new EngineRoster(engines, o, time);
        var runner = new StepRunner(ledger, roster, new StepPlans(redaction, restrictions, services.GetRequiredService<ILegalHoldStore>(), time), audit, o, time, logger);
        var packages = new AccessPackageService(store, ledger, scopes, lifecycle, disclosures, audit, redaction, time);
        var reports = new RequestReports(store, ledger, engines, roster, handlers, audit, Signer(o));
        return new PrivacyRequestService(store, scopes, lifecycle, runner, roster, packages, reports, handlers, replay, engines, o);
    }

    private static IErasureCertificateSigner Signer(PrivacyOptions options) =>
        options.CertificateSigningKeyPem is { Length: > 0 } pem ? new EcdsaCertificateSigner(pem)
        : options.CertificateKey is { Length: > 0 } key ? new ErasureCertificateSigner(Convert.FromBase64String(key))
        : ErasureCertificateSigner.FromPseudonymKey(Convert.FromBase64String(options.PseudonymKey!));
}
