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
