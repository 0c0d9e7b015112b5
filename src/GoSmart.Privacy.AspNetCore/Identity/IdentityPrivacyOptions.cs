namespace GoSmart.Privacy.AspNetCore.Identity;

/// <summary>How the ASP.NET Core Identity handler is named, finds a user's tenant, and erases.</summary>
/// <typeparam name="TUser">The user type.</typeparam>
public sealed class IdentityPrivacyOptions<TUser>
    where TUser : class
{
    /// <summary>Gets or sets the handler's name (default <c>identity/users</c>). Never change it once requests have run.</summary>
    public string Name { get; set; } = "identity/users";

    /// <summary>
    /// Gets or sets the tenant a user belongs to (e.g. <c>u =&gt; u.TenantId</c>, or <c>_ =&gt; "gosmart"</c> for a store that
    /// holds one tenant's users). Required: a request only ever reaches the users of its tenant.
    /// </summary>
    public Func<TUser, string>? TenantOf { get; set; }

    /// <summary>
    /// Gets or sets whether erasure deletes the user through <c>UserManager.DeleteAsync</c> (as Identity's own "delete personal
    /// data" page does) instead of anonymising the account and locking it (default <see langword="false"/>: the row stays for
    /// the records that point at it).
    /// </summary>
    public bool DeleteUser { get; set; }
}
