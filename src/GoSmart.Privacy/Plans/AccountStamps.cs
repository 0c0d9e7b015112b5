using System.Reflection;
using System.Security.Cryptography;
using GoSmart.Privacy.Plans.Reflection;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy;

/// <summary>
/// Rotates ASP.NET Core Identity's <c>SecurityStamp</c> and <c>ConcurrencyStamp</c> when an Identity-tagged user's
/// personal data is erased, as <c>UserManager</c> does when a user's details change: the user's sessions and
/// cookies end, and a copy read before the erasure can no longer be saved over it. Found once per type, by the
/// same Identity conventions both plan builders use; types without Identity's attributes have nothing to rotate.
/// </summary>
/// <typeparam name="T">The plan's type.</typeparam>
internal static class AccountStamps<T>
{
    private static readonly PropertyInfo[] Stamps = Find();

    /// <summary>Whether the type has stamps to rotate.</summary>
    public static bool Any => Stamps.Length > 0;

    /// <summary>Gives every stamp of <paramref name="value"/> a new random value.</summary>
    /// <param name="value">A non-null instance.</param>
    public static void Rotate(T value)
    {
        foreach (var stamp in Stamps)
        {
            stamp.SetValue(value, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        }
    }

    private static PropertyInfo[] Find()
    {
        var type = typeof(T);
        if (type.IsValueType || !MemberDiscovery.InstanceMembers(type).Any(m => MemberDiscovery.ReadTags(m).Tag == TagKind.Identity))
        {
            return [];
        }

        return IdentityConventions.RotatedStamps
            .Select(name => type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is { PropertyType: var t, SetMethod: not null } && t == typeof(string))
            .ToArray()!;
    }
}
