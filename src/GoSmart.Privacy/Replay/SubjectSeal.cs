using System.Security.Cryptography;
using System.Text;
using GoSmart.Privacy.Certificates;

namespace GoSmart.Privacy.Replay;

/// <summary>
/// Seals a subject id for the replay ledger with AES-GCM under a key derived from the pseudonym key (HKDF, its own
/// label), bound to the request, tenant and kind it belongs to: a database copy alone does not reveal it, and a
/// sealed id moved to another entry does not open.
/// </summary>
internal sealed class SubjectSeal(ReadOnlySpan<byte> pseudonymKey)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = DerivedKeys.Derive(pseudonymKey, "gosmart.replay.subject.v1", "pseudonym");

    /// <summary>Seals <paramref name="subject"/>'s id for the entry of <paramref name="requestId"/>.</summary>
    public string Seal(Guid requestId, SubjectRef subject)
    {
        var plain = Encoding.UTF8.GetBytes(subject.SubjectId);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Bound(requestId, subject.TenantId, subject.Kind));
        return Base64UrlText.Encode(sealedBytes);
    }

    /// <summary>Opens a sealed id.</summary>
    /// <exception cref="PrivacyException">It was sealed under another key, or altered.</exception>
    public SubjectRef Open(ErasureReplayEntry entry)
    {
        try
        {
            if (!Base64UrlText.TryDecode(entry.SealedSubjectId, out var sealedBytes) || sealedBytes.Length < NonceSize + TagSize)
            {
                throw new FormatException("not a sealed subject id");
            }

            var length = sealedBytes.Length - NonceSize - TagSize;
            var plain = new byte[length];
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, Bound(entry.RequestId, entry.TenantId, entry.SubjectKind));
            return new SubjectRef(entry.TenantId, Encoding.UTF8.GetString(plain), entry.SubjectKind);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            throw new PrivacyException($"The replay entry of erasure {entry.RequestId} does not open with this engine's pseudonym key: it was written under another key, or altered. Replay with the pseudonym key the erasure ran under.", ex);
        }
    }

    private static byte[] Bound(Guid requestId, string tenantId, DataSubjectKind kind) => Encoding.UTF8.GetBytes($"{requestId:N}\u001f{tenantId}\u001f{(int)kind}");
}
