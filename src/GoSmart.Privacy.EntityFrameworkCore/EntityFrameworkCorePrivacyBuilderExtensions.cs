using GoSmart.Privacy;
using GoSmart.Privacy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the handlers of an EF Core <c>DbContext</c> on an <see cref="IPrivacyBuilder"/>.</summary>
public static class EntityFrameworkCorePrivacyBuilderExtensions
{
    /// <summary>
    /// Registers, for every tagged entity type of <typeparamref name="TContext"/>'s model, one exporter, one erasure handler
    /// and one rectification handler named <c>{Name}/{Entity}</c>, covering it: no tagged entity of the context is left
    /// uncovered. The context (or an <see cref="IDbContextFactory{TContext}"/>) must be registered; each handler run uses a
    /// context of its own. The model is mapped when the host starts: a tagged entity with no way to find its subject, an
    /// ambiguous owner or a missing tenant property stops it with a <see cref="PrivacyException"/> naming the fix.
    /// </summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Names the handlers, says how tenants are kept apart, and configures entities.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddEntityFrameworkCore<TContext>(this IPrivacyBuilder builder, Action<EntityFrameworkPrivacyOptions<TContext>> configure)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EntityFrameworkPrivacyOptions<TContext>();
        configure(options);
        if (builder.Services.Any(d => d.ServiceType == typeof(EntityHandlerCatalog<TContext>)))
        {
            throw new PrivacyException($"AddEntityFrameworkCore<{typeof(TContext).Name}> was called twice. Register each context once, with all its options in one call.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(static sp => new CryptoShreddingInterceptor(sp));
        builder.Services.AddSingleton<EntityHandlerCatalog<TContext>>();
        return builder.AddHandlerSource<EntityHandlerSource<TContext>>();
    }

    /// <summary>
    /// Stores the context's <see cref="CryptoShreddedAttribute"/> members (and Identity's <c>[ProtectedPersonalData]</c>
    /// ones) encrypted under each subject's data key, and decrypts them as rows are read. Call it where the context is
    /// configured: <c>AddDbContext&lt;ChatDbContext&gt;((sp, o) =&gt; o.UseSqlite(…).UseGoSmartCryptoShredding(sp))</c>,
    /// with <c>AddCryptoShredding()</c> and <c>AddEntityFrameworkCore&lt;ChatDbContext&gt;</c> on the privacy builder.
    /// </summary>
    /// <param name="options">The context's options.</param>
    /// <param name="services">The application's services.</param>
    /// <returns>The options.</returns>
    public static DbContextOptionsBuilder UseGoSmartCryptoShredding(this DbContextOptionsBuilder options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        return options.AddInterceptors(services.GetService<CryptoShreddingInterceptor>()
            ?? throw new PrivacyException("UseGoSmartCryptoShredding needs the privacy SDK's EF Core registration: call AddGoSmartPrivacy(…).AddEntityFrameworkCore<TContext>(…).AddCryptoShredding() first."));
    }

    /// <summary>Stores the context's protected members encrypted under each subject's data key (see <see cref="UseGoSmartCryptoShredding(DbContextOptionsBuilder, IServiceProvider)"/>).</summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="options">The context's options.</param>
    /// <param name="services">The application's services.</param>
    /// <returns>The options.</returns>
    public static DbContextOptionsBuilder<TContext> UseGoSmartCryptoShredding<TContext>(this DbContextOptionsBuilder<TContext> options, IServiceProvider services)
        where TContext : DbContext
    {
        UseGoSmartCryptoShredding((DbContextOptionsBuilder)options, services);
        return options;
    }
}

