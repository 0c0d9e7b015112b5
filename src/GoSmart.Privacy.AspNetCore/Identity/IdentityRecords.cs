namespace GoSmart.Privacy.AspNetCore.Identity;

/// <summary>A claim on an ASP.NET Core Identity user, as exported.</summary>
/// <param name="Type">The claim type.</param>
/// <param name="Value">The claim's value.</param>
public sealed record IdentityUserClaimRecord(
    [property: NotPersonalData] string Type,
    [property: PersonalField(DataCategories.AccountSettings)] string Value);

/// <summary>An external login (Google, Microsoft…) of an ASP.NET Core Identity user, as exported.</summary>
/// <param name="LoginProvider">The provider.</param>
/// <param name="ProviderKey">The user's id at the provider.</param>
/// <param name="ProviderDisplayName">The provider's display name.</param>
public sealed record IdentityUserLoginRecord(
    [property: NotPersonalData] string LoginProvider,
    [property: PersonalField(DataCategories.UniqueId)] string ProviderKey,
    [property: NotPersonalData] string? ProviderDisplayName);

/// <summary>
/// A security token of an ASP.NET Core Identity user (the authenticator key, the recovery codes), as exported: that it
/// exists and how many codes are left, never the secret itself — a package that leaks it would hand over the account.
/// </summary>
/// <param name="Name">The token's name.</param>
/// <param name="Description">What the user has: <c>set</c>, or how many recovery codes remain.</param>
public sealed record IdentityUserTokenRecord(
    [property: NotPersonalData] string Name,
    [property: PersonalField(DataCategories.Credentials)] string Description);

/// <summary>A role of an ASP.NET Core Identity user, as exported.</summary>
/// <param name="Role">The role's name.</param>
public sealed record IdentityUserRoleRecord([property: PersonalField(DataCategories.AccountStatus)] string Role);
