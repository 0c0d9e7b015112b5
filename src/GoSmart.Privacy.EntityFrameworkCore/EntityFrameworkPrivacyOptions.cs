using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>How the handlers of one <c>DbContext</c> are named, find their tenant, and erase.</summary>
/// <typeparam name="TContext">The context.</typeparam>
public sealed class EntityFrameworkPrivacyOptions<TContext> : IContextTenancy
    where TContext : DbContext
{
    private readonly Dictionary<Type, object> _entities = [];

    internal EntityFrameworkPrivacyOptions()
    {
    }

    /// <summary>
    /// Gets or sets the first segment of every handler name: <c>crm.db</c> names handlers <c>crm.db/Contact</c>. Defaults to the
    /// context's name without <c>DbContext</c>/<c>Context</c>, lower-cased, then <c>.db</c> (<c>CrmDbContext</c> → <c>crm.db</c>).
    /// Never change it once requests have run: it names their steps.
    /// </summary>
    public string Name { get; set; } = DefaultName();

    /// <summary>Gets or sets how many rows one erasure or rectification transaction takes (default 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets the property (a CLR or shadow property of every tagged entity) that holds the tenant: handlers add
    /// <c>property == request's tenant</c> to every query and ignore the context's query filters, so soft-deleted rows are
    /// exported and erased too.
    /// </summary>
    public string? TenantProperty { get; set; }

    /// <summary>Gets the names of the query filters that hide soft-deleted rows, ignored when the tenant comes from the context's own filter.</summary>
    public ICollection<string> SoftDeleteFilters { get; } = [];

    internal Action<TContext, string>? TenantSetter { get; private set; }

    internal string? SingleTenantId { get; private set; }

    /// <inheritdoc />
    string? IContextTenancy.SingleTenantId => SingleTenantId;

    internal IReadOnlyDictionary<Type, object> Entities => _entities;

    /// <summary>
    /// Lets the context's own query filter keep tenants apart: before each query the handler calls
    /// <paramref name="setTenant"/> with the request's tenant (e.g. <c>(db, tenant) =&gt; db.TenantId = tenant</c>), and only the
    /// filters named in <see cref="SoftDeleteFilters"/> are ignored.
    /// </summary>
    /// <param name="setTenant">Points a fresh context at a tenant.</param>
    /// <returns>These options.</returns>
    public EntityFrameworkPrivacyOptions<TContext> UseTenantQueryFilter(Action<TContext, string> setTenant)
    {
        ArgumentNullException.ThrowIfNull(setTenant);
        TenantSetter = setTenant;
        return this;
    }

    /// <summary>Says that the database holds one tenant's data: requests of any other tenant find nothing in it.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>These options.</returns>
    public EntityFrameworkPrivacyOptions<TContext> SingleTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        SingleTenantId = tenantId;
        return this;
    }

    /// <summary>Configures one entity type: whose rows they are, how they are erased.</summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="configure">The configuration.</param>
    /// <returns>These options.</returns>
    public EntityFrameworkPrivacyOptions<TContext> Entity<TEntity>(Action<EntityPrivacyOptions<TEntity>> configure)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (!_entities.TryGetValue(typeof(TEntity), out var options))
        {
            _entities[typeof(TEntity)] = options = new EntityPrivacyOptions<TEntity>();
        }

        configure((EntityPrivacyOptions<TEntity>)options);
        return this;
    }

    private static string DefaultName()
    {
        var name = typeof(TContext).Name;
        foreach (var suffix in new[] { "DbContext", "Context" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return name.ToLowerInvariant() + ".db";
    }
}
