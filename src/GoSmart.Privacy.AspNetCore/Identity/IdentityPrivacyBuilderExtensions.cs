using GoSmart.Privacy;
using GoSmart.Privacy.AspNetCore.Identity;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ASP.NET Core Identity handler on an <see cref="IPrivacyBuilder"/>.</summary>
public static class IdentityPrivacyBuilderExtensions
{
    /// <summary>
    /// Adds an exporter and an erasure handler for the users of ASP.NET Core Identity (<c>UserManager&lt;TUser&gt;</c>, any
    /// store — <c>Microsoft.AspNetCore.Identity.EntityFrameworkCore</c> included): the user, claims, external logins, tokens
    /// and roles are exported; erasure removes logins, tokens, claims and roles and anonymises (or deletes) the account
    /// through <c>UserManager</c>. Register Identity itself first (<c>AddIdentityCore&lt;TUser&gt;()</c> or <c>AddIdentity</c>).
    /// </summary>
    /// <typeparam name="TUser">The user type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <see cref="IdentityPrivacyOptions{TUser}.TenantOf"/> (required), the name, and whether erasure deletes.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException">No tenant was configured.</exception>
    public static IPrivacyBuilder AddIdentity<TUser>(this IPrivacyBuilder builder, Action<IdentityPrivacyOptions<TUser>> configure)
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new IdentityPrivacyOptions<TUser>();
        configure(options);
        if (options.TenantOf is null)
        {
            throw new PrivacyException($"AddIdentity<{typeof(TUser).Name}> needs the tenant each user belongs to: o.TenantOf = u => u.TenantId, or o.TenantOf = _ => \"your-tenant\" when the store holds one tenant's users.");
        }

        builder.Services.AddSingleton(options);
        return builder.AddExporter<IdentityUserHandler<TUser>>().AddErasureHandler<IdentityUserHandler<TUser>>();
    }
}
