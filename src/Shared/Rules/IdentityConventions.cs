namespace GoSmart.Privacy.Rules;

/// <summary>
/// How ASP.NET Core Identity's <c>[PersonalData]</c> and <c>[ProtectedPersonalData]</c> members map to the
/// SDK's taxonomy. They are recognised by metadata name, so the SDK does not depend on Identity.
/// </summary>
internal static class IdentityConventions
{
    public const string PersonalDataAttribute = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";
    public const string ProtectedPersonalDataAttribute = "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute";

    public static bool IsIdentityAttribute(string fullName) =>
        fullName == PersonalDataAttribute || fullName == ProtectedPersonalDataAttribute;

    /// <summary>Whether an Identity-tagged member named <paramref name="memberName"/> is the subject id (Identity's key, <c>Id</c>).</summary>
    public static bool IsSubjectId(string memberName) => memberName == "Id";

    /// <summary>
    /// Whether an untagged member of an Identity-tagged type is a lookup copy of a tagged one: Identity stores
    /// <c>NormalizedUserName</c> and <c>NormalizedEmail</c> next to <c>UserName</c> and <c>Email</c>, untagged. They
    /// are the same personal data, so they are exported and erased with it (erased together, they stay consistent).
    /// </summary>
    public static bool IsLookupCopy(string memberName) => memberName == "NormalizedUserName" || memberName == "NormalizedEmail";

    /// <summary>
    /// The tag a member of a type gets once Identity's conventions apply: Identity's key <c>Id</c> is the subject id
    /// (unless the type names one), and the lookup copies of an Identity-tagged type are Identity-tagged too.
    /// </summary>
    /// <param name="tag">The tag read from the member's attributes.</param>
    /// <param name="memberName">The member's name.</param>
    /// <param name="hasExplicitSubjectId">Whether the type has a <c>[DataSubjectId]</c>.</param>
    /// <param name="identityShaped">Whether any member of the type carries Identity's attributes.</param>
    /// <returns>The tag the plan uses.</returns>
    public static TagKind Resolve(TagKind tag, string memberName, bool hasExplicitSubjectId, bool identityShaped)
    {
        if (tag == TagKind.Identity && !hasExplicitSubjectId && IsSubjectId(memberName))
        {
            return TagKind.SubjectId;
        }

        return tag == TagKind.None && identityShaped && IsLookupCopy(memberName) ? TagKind.Identity : tag;
    }

    /// <summary>Identity's stamps, rotated when a user's personal data is erased: sessions and cached copies end.</summary>
    public static readonly string[] RotatedStamps = { "SecurityStamp", "ConcurrencyStamp" };

    public static string CategoryFor(string memberName)
    {
        switch (memberName)
        {
            case "Id": return "user.unique_id";
            case "UserName":
            case "NormalizedUserName":
                return "user.account.username";
            case "Email":
            case "NormalizedEmail":
                return "user.contact.email";
            case "PhoneNumber": return "user.contact.phone_number";
            case "EmailConfirmed":
            case "PhoneNumberConfirmed":
            case "TwoFactorEnabled":
                return "user.account.settings";
            default: return "user.account";
        }
    }
}
