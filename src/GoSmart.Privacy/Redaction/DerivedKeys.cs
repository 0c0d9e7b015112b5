using System.Security.Cryptography;
using System.Text;

namespace GoSmart.Privacy;

/// <summary>Checks key lengths and derives purpose-bound keys (HKDF-SHA256), so one configured secret never serves two uses.</summary>
internal static class DerivedKeys
{
    /// <summary>Returns <paramref name="key"/> as an array, or throws naming <paramref name="use"/> when it is shorter than 32 bytes.</summary>
    public static byte[] Checked(ReadOnlySpan<byte> key, string use) =>
        key.Length >= RedactionContext.MinimumKeyLength
            ? key.ToArray()
            : throw new PrivacyException($"The {use} key has {key.Length} bytes; it must have at least {RedactionContext.MinimumKeyLength}. Generate one with RandomNumberGenerator.GetBytes({RedactionContext.MinimumKeyLength}).");

    /// <summary>Derives a 32-byte key for <paramref name="label"/> from <paramref name="secret"/>.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> secret, string label, string use) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Checked(secret, use), 32, info: Encoding.UTF8.GetBytes(label));
}
