using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Registers every store over one relational database, replacing the in-memory stores: how the SQLite and PostgreSQL packages plug in.</summary>
internal static class RelationalStores
{
    /// <summary>Registers the stores.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="database">The database; the container disposes it.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder UseRelational(this IPrivacyBuilder builder, RelationalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton(_ => database)); // a factory, so the container disposes its connections
        services.Replace(ServiceDescriptor.Singleton<IPrivacyRequestStore>(sp => new RelationalRequestStore(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IStepLedger>(sp => new RelationalStepLedger(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IEngineRegistry>(sp => new RelationalEngineRegistry(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IRestrictionStore>(sp => new RelationalRestrictionStore(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<ILegalHoldStore>(sp => new RelationalLegalHoldStore(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IErasureReplayLedger>(sp => new RelationalErasureReplayLedger(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IRetentionSweepStore>(sp => new RelationalRetentionSweepStore(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<ISubjectKeyStore>(sp => new RelationalSubjectKeyStore(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IPrivacyAuditLog>(sp => new RelationalAuditLog(sp.GetRequiredService<RelationalDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IConsentStore>(sp => new RelationalConsentStore(sp.GetRequiredService<RelationalDatabase>(), sp.GetRequiredService<ConsentChain>())));
        return builder;
    }
}
