// ASP.NET Core Identity's own [PersonalData] and [ProtectedPersonalData] (the test project has the ASP.NET Core framework):
// the SDK recognises them by metadata name only, without referencing Identity.
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
