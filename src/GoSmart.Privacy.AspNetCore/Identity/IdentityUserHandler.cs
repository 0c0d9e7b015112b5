using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;

namespace GoSmart.Privacy.AspNetCore.Identity;

/// <summary>
/// Exports and erases an ASP.NET Core Identity user through <see cref="UserManager{TUser}"/>, so normalised names, the
/// security stamp and every store (users, claims, logins, tokens, roles) stay consistent: exports the user, claims,
/// external logins, tokens (that they exist) and roles; erasure removes logins, tokens, claims and roles, then
/// anonymises the account by its plan, removes its password, locks it and renews its stamp — or deletes it.
/// </summary>
/// <typeparam name="TUser">The user type.</typeparam>
internal sealed class IdentityUserHandler<TUser>(UserManager<TUser> users, IdentityPrivacyOptions<TUser> options) : IPersonalDataExporter, IErasureHandler
    where TUser : class
{
    private const string TokenStore = "[AspNetUserStore]";
    private static readonly string[] TokenNames = ["AuthenticatorKey", "RecoveryCodes"];

    public string Name => options.Name;

    /// <summary>Gets the user type and, for a user of Identity's stores (<c>IdentityUser&lt;TKey&gt;</c>), its claim, login, token and role rows: erased here, so an EF Core registration of the same context leaves them alone.</summary>
    public IReadOnlyCollection<Type> Covers { get; } = CoveredTypes();

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (await FindAsync(subject).ConfigureAwait(false) is not { } user)
        {
            yield break;
        }

        yield return user;
        foreach (var claim in await users.GetClaimsAsync(user).ConfigureAwait(false))
        {
            yield return new IdentityUserClaimRecord(claim.Type, claim.Value);
        }

        foreach (var login in await users.GetLoginsAsync(user).ConfigureAwait(false))
        {
            yield return new IdentityUserLoginRecord(login.LoginProvider, login.ProviderKey, login.ProviderDisplayName);
        }

        if (users.SupportsUserAuthenticatorKey && await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) is not null)
        {
            yield return new IdentityUserTokenRecord("AuthenticatorKey", "set");
        }

        if (users.SupportsUserTwoFactorRecoveryCodes && await users.CountRecoveryCodesAsync(user).ConfigureAwait(false) is > 0 and var codes)
        {
            yield return new IdentityUserTokenRecord("RecoveryCodes", codes + " remaining");
        }

        if (users.SupportsUserRole)
        {
            foreach (var role in await users.GetRolesAsync(user).ConfigureAwait(false))
            {
                yield return new IdentityUserRoleRecord(role);
            }
        }
    }

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await FindAsync(context.Subject).ConfigureAwait(false) is not { } user)
        {
            return;
        }

        var logins = await users.GetLoginsAsync(user).ConfigureAwait(false);
        foreach (var login in logins)
        {
            Check(await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey).ConfigureAwait(false), "remove an external login");
        }

        context.RecordDeleted(typeof(IdentityUserLoginRecord), logins.Count);
        var tokens = 0;
        if (users.SupportsUserAuthenticationTokens)
        {
            foreach (var name in TokenNames)
            {
                if (await users.GetAuthenticationTokenAsync(user, TokenStore, name).ConfigureAwait(false) is not null)
                {
                    Check(await users.RemoveAuthenticationTokenAsync(user, TokenStore, name).ConfigureAwait(false), "remove a token");
                    tokens++;
                }
            }
        }

        context.RecordDeleted(typeof(IdentityUserTokenRecord), tokens);
        var claims = await users.GetClaimsAsync(user).ConfigureAwait(false);
        if (claims.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, claims).ConfigureAwait(false), "remove the claims");
        }

        context.RecordDeleted(typeof(IdentityUserClaimRecord), claims.Count);
        if (users.SupportsUserRole && await users.GetRolesAsync(user).ConfigureAwait(false) is { Count: > 0 } roles)
        {
            Check(await users.RemoveFromRolesAsync(user, roles).ConfigureAwait(false), "remove the roles");
            context.RecordDeleted(typeof(IdentityUserRoleRecord), roles.Count);
        }

        if (options.DeleteUser)
        {
            Check(await users.DeleteAsync(user).ConfigureAwait(false), "delete the user");
            context.RecordDeleted(typeof(TUser), 1);
            return;
        }

        await AnonymiseAsync(context, user).ConfigureAwait(false);
    }

    /// <summary>The plan erases the tagged members; the account keeps a unique, meaningless user name, loses its password and stays locked.</summary>
    private async Task AnonymiseAsync(IErasureContext context, TUser user)
    {
        context.Apply(ref user);
        if (string.IsNullOrEmpty(await users.GetUserNameAsync(user).ConfigureAwait(false)))
        {
            Check(await users.SetUserNameAsync(user, "erased-" + Guid.NewGuid().ToString("N")).ConfigureAwait(false), "give the account a meaningless user name");
        }

        if (users.SupportsUserPassword && await users.HasPasswordAsync(user).ConfigureAwait(false))
        {
            Check(await users.RemovePasswordAsync(user).ConfigureAwait(false), "remove the password");
        }

        if (users.SupportsUserTwoFactor)
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false), "turn two-factor sign-in off");
        }

        if (users.SupportsUserLockout)
        {
            Check(await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false), "enable lockout");
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue).ConfigureAwait(false), "lock the account");
        }

        // Normalises the (now erased) user name and e-mail, validates, stores, and signs every session out.
        Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false), "store the anonymised account");
    }

    private static Type[] CoveredTypes()
    {
        for (var t = typeof(TUser); t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IdentityUser<>))
            {
                var key = t.GetGenericArguments()[0];
                return [typeof(TUser), typeof(IdentityUserClaim<>).MakeGenericType(key), typeof(IdentityUserLogin<>).MakeGenericType(key), typeof(IdentityUserToken<>).MakeGenericType(key), typeof(IdentityUserRole<>).MakeGenericType(key)];
            }
        }

        return [typeof(TUser)];
    }

    private async Task<TUser?> FindAsync(SubjectRef subject)
    {
        var user = await users.FindByIdAsync(subject.SubjectId).ConfigureAwait(false);
        return user is not null && string.Equals(options.TenantOf!(user), subject.TenantId, StringComparison.Ordinal) ? user : null;
    }

    private void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new PrivacyException($"Identity refused to {what} for '{Name}': {string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description))}. Fix the validator or store setting it names (e.g. RequireUniqueEmail refuses an erased e-mail), then retry the request.");
        }
    }
}
