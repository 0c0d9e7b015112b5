using Microsoft.Extensions.DependencyInjection.Extensions;
using GoSmart.Privacy.Requests.Handlers;
using Microsoft.Extensions.Options;
using GoSmart.Privacy;
using GoSmart.Privacy.Storage;
using GoSmart.Privacy.Verification;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GoSmart.Privacy SDK in a service collection.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK: validated <see cref="PrivacyOptions"/> (checked at start-up, every problem listed), the
    /// <see cref="RedactionContext"/> built from them, and the request engine (<see cref="IPrivacyRequestService"/>,
    /// <see cref="IProcessingRestrictions"/>) with in-memory stores and the <see cref="ManualIdentityVerifier"/>
    /// until the host registers others.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. the pseudonym key from configuration.</param>
    /// <returns>A builder to add handlers and stores to.</returns>
    public static IPrivacyBuilder AddGoSmartPrivacy(this IServiceCollection services, Action<PrivacyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PrivacyOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.AddOptions<HandlerRegistrations.StartupCheck>().ValidateOnStart(); // a host does not start with broken handler registrations
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HandlerRegistrations.StartupCheck>, HandlerRegistrations.Validator>());
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return new RedactionContext(Convert.FromBase64String(options.PseudonymKey!));
        });
        services.TryAddSingleton(static sp => new ConsentChain(Convert.FromBase64String(sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.PseudonymKey!)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPrivacyRequestStore, InMemoryPrivacyRequestStore>();
        services.TryAddSingleton<IStepLedger, InMemoryStepLedger>();
        services.TryAddSingleton<IEngineRegistry, InMemoryEngineRegistry>();
        services.TryAddSingleton<IRestrictionStore, InMemoryRestrictionStore>();
        services.TryAddSingleton<IPrivacyAuditLog, InMemoryPrivacyAuditLog>();
        services.TryAddSingleton<ILegalHoldStore, InMemoryLegalHoldStore>();
        services.TryAddSingleton<IErasureReplayLedger, InMemoryErasureReplayLedger>();
        services.TryAddSingleton<IRetentionSweepStore, InMemoryRetentionSweepStore>();
        services.TryAddSingleton(static sp => new GoSmart.Privacy.Retention.RetentionSweeper(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IRetentionSweepStore>(),
            sp.GetRequiredService<ILegalHoldStore>(), sp.GetRequiredService<IPrivacyAuditLog>(), sp.GetRequiredService<RedactionContext>(), sp.GetRequiredService<IOptions<PrivacyOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()?.CreateLogger("GoSmart.Privacy.Retention") ?? (Microsoft.Extensions.Logging.ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        services.TryAddSingleton<IRetentionSweeper>(static sp => sp.GetRequiredService<GoSmart.Privacy.Retention.RetentionSweeper>());
        services.TryAddSingleton<ILegalHolds>(static sp => new LegalHoldService(sp.GetRequiredService<ILegalHoldStore>(), sp.GetRequiredService<IPrivacyAuditLog>(),
            sp.GetRequiredService<RedactionContext>(), sp.GetRequiredService<IPrivacyRequestService>(), sp.GetRequiredService<GoSmart.Privacy.Retention.RetentionSweeper>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IIdentityVerifier, ManualIdentityVerifier>();
        services.TryAddSingleton<GoSmart.Privacy.Records.IRecordsOfProcessing, GoSmart.Privacy.Records.RecordsOfProcessingService>();
        services.TryAddSingleton<ProcessingRestrictions>(); // the engine records restrictions through it; hosts read them through the interface
        services.TryAddSingleton<IProcessingRestrictions>(static sp => sp.GetRequiredService<ProcessingRestrictions>());
        services.TryAddSingleton(static sp => GoSmart.Privacy.Requests.Engine.RequestEngine.Create(sp));
        return new PrivacyBuilder(services);
    }
}
