using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Supplies one handler per tagged entity type of <typeparamref name="TContext"/>'s model, mapped once.</summary>
/// <typeparam name="TContext">The context.</typeparam>
internal sealed class EntityHandlerSource<TContext>(EntityHandlerCatalog<TContext> catalog) : IPrivacyHandlerSource
    where TContext : DbContext
{
    public IEnumerable<IPrivacyHandler> GetHandlers(IServiceProvider services) => catalog.Handlers;
}

/// <summary>The handlers of one context, built on first use from its model (a broken model fails there, at start-up, naming each fix).</summary>
/// <typeparam name="TContext">The context.</typeparam>
internal sealed class EntityHandlerCatalog<TContext>(EntityFrameworkPrivacyOptions<TContext> options, IServiceScopeFactory scopes)
    where TContext : DbContext
{
    private readonly Lazy<IReadOnlyList<IPrivacyHandler>> _handlers = new(() => Build(options, scopes));

    public IReadOnlyList<IPrivacyHandler> Handlers => _handlers.Value;

    private static IReadOnlyList<IPrivacyHandler> Build(EntityFrameworkPrivacyOptions<TContext> options, IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var factory = scope.ServiceProvider.GetService<IDbContextFactory<TContext>>();
        using var owned = factory?.CreateDbContext();
        var db = owned ?? scope.ServiceProvider.GetRequiredService<TContext>();
        var coveredElsewhere = scope.ServiceProvider.GetServices<IErasureHandler>().SelectMany(h => h.Covers).ToList();
        return [.. ModelMapper.Map(db.Model, options, coveredElsewhere).Select(map => (IPrivacyHandler)Activator.CreateInstance(
            typeof(EntityHandler<,>).MakeGenericType(typeof(TContext), map.EntityType.ClrType), map, options, scopes)!)];
    }
}
