using Microsoft.Extensions.DependencyInjection.Extensions;
using GoSmart.Privacy;
using GoSmart.Privacy.Verification;
using GoSmart.Privacy.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers handlers, the identity verifier and stores on an <see cref="IPrivacyBuilder"/>.</summary>
public static class PrivacyBuilderExtensions
{
    /// <summary>Adds an exporter for access and portability requests. Resolved in a scope per request, so it may depend on scoped services such as a DbContext.</summary>
    /// <typeparam name="T">The exporter.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddExporter<T>(this IPrivacyBuilder builder)
        where T : class, IPersonalDataExporter => Add<IPersonalDataExporter, T>(builder);

    /// <summary>Adds an erasure handler. Resolved in a scope per request.</summary>
    /// <typeparam name="T">The handler.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddErasureHandler<T>(this IPrivacyBuilder builder)
        where T : class, IErasureHandler => Add<IErasureHandler, T>(builder);

    /// <summary>Adds a retention handler, which applies retention rules in its area when the sweeper runs. Resolved in a scope per sweep.</summary>
    /// <typeparam name="T">The handler.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddRetentionHandler<T>(this IPrivacyBuilder builder)
        where T : class, IRetentionHandler => Add<IRetentionHandler, T>(builder);

    /// <summary>Adds a rectification handler. Resolved in a scope per request.</summary>
    /// <typeparam name="T">The handler.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddRectificationHandler<T>(this IPrivacyBuilder builder)
        where T : class, IRectificationHandler => Add<IRectificationHandler, T>(builder);

    /// <summary>Adds a reviewer of automated decisions (Art. 22(3)), resolved in a scope per request: it routes a contested decision to a person and records the outcome.</summary>
    /// <typeparam name="T">The reviewer.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddAutomatedDecisionReviewer<T>(this IPrivacyBuilder builder)
        where T : class, IAutomatedDecisionReviewer => Add<IAutomatedDecisionReviewer, T>(builder);

    /// <summary>Adds a source of handlers known only once the host runs (see <see cref="IPrivacyHandlerSource"/>). Resolved in a scope per request.</summary>
    /// <typeparam name="T">The source.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddHandlerSource<T>(this IPrivacyBuilder builder)
        where T : class, IPrivacyHandlerSource => Add<IPrivacyHandlerSource, T>(builder);

    /// <summary>Replaces the identity verifier (the default, <see cref="ManualIdentityVerifier"/>, waits for <see cref="IPrivacyRequestService.ConfirmIdentityAsync"/>).</summary>
    /// <typeparam name="T">The verifier.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder UseIdentityVerifier<T>(this IPrivacyBuilder builder)
        where T : class, IIdentityVerifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IIdentityVerifier, T>());
        return builder;
    }

    /// <summary>
    /// Adds the consent ledger: <see cref="IConsentService"/> over an in-memory <see cref="IConsentStore"/> (unless one is
    /// registered), and the <see cref="ConsentHistoryHandler"/> that puts the subject's consent history in access
    /// packages and reports it as retained in erasures. Configure the purposes in <see cref="PrivacyOptions.Consent"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddConsentLedger(this IPrivacyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IConsentStore, InMemoryConsentStore>();
        services.TryAddSingleton<IConsentService, ConsentService>();
        Add<IPersonalDataExporter, ConsentHistoryHandler>(builder);
        return Add<IErasureHandler, ConsentHistoryHandler>(builder);
    }

    private static IPrivacyBuilder Add<TService, TImplementation>(IPrivacyBuilder builder)
        where TService : class
        where TImplementation : class, TService
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<TService, TImplementation>());
        return builder;
    }
}
