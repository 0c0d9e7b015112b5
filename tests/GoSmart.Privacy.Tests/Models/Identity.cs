// Stand-ins for ASP.NET Core Identity's attributes: the SDK recognises them by metadata name only.
namespace Microsoft.AspNetCore.Identity
{
    [AttributeUsage(AttributeTargets.Property)]
    public class PersonalDataAttribute : Attribute
    {
    }

    public sealed class ProtectedPersonalDataAttribute : PersonalDataAttribute
    {
    }
}

namespace GoSmart.Privacy.Tests.Models
{
    using Microsoft.AspNetCore.Identity;

    /// <summary>Shaped like IdentityUser: tagged only with Identity's attributes.</summary>
    public class IdentityShapedUser
    {
        [PersonalData]
        public virtual string Id { get; set; } = Guid.NewGuid().ToString();

        [ProtectedPersonalData]
        public virtual string? UserName { get; set; }

        [ProtectedPersonalData]
        public virtual string? Email { get; set; }

        [PersonalData]
        public virtual bool EmailConfirmed { get; set; }

        [ProtectedPersonalData]
        public virtual string? PhoneNumber { get; set; }

        [PersonalData]
        public virtual bool TwoFactorEnabled { get; set; }

        public virtual string? PasswordHash { get; set; }

        public virtual string? SecurityStamp { get; set; }
    }

    public sealed class AppUser : IdentityShapedUser
    {
        [PersonalData]
        public string? FavouriteColour { get; set; }
    }
}
