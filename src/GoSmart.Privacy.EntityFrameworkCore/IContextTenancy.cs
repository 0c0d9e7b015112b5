namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>How a context's rows say their tenant, read without knowing the context's type.</summary>
internal interface IContextTenancy
{
    /// <summary>Gets the tenant property's name, if rows carry one.</summary>
    string? TenantProperty { get; }

    /// <summary>Gets the one tenant of a single-tenant context.</summary>
    string? SingleTenantId { get; }
}
