using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace GoSmart.Privacy;

/// <summary>One handler's line on an erasure certificate.</summary>
/// <param name="Handler">The handler's name.</param>
/// <param name="Changed">Values erased, masked, hashed or generalized.</param>
/// <param name="Retained">Values kept under an exemption.</param>
/// <param name="Deleted">Records deleted outright.</param>
/// <param name="Exemptions">Retained values per exemption.</param>
/// <param name="RecipientsNotified">Recipients told about the erasure (Art. 19).</param>
public sealed record CertificateLine(string Handler, int Changed, int Retained, int Deleted, IReadOnlyList<ExemptionCount> Exemptions, IReadOnlyList<string> RecipientsNotified);

/// <summary>
/// Proof that an erasure request completed: when, by which handlers, with what counts and exemptions, and which
/// tagged types no handler covers — signed with HMAC-SHA256 so that it can be verified later. It holds no
/// personal data: the subject is a keyed hash.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubjectHash">The subject id as a keyed hash.</param>
/// <param name="ReceivedAt">When the request was received.</param>
/// <param name="CompletedAt">When it completed.</param>
/// <param name="Status">Its final status.</param>
/// <param name="Handlers">Every handler's counts.</param>
/// <param name="UncoveredTypes">Tagged types with a subject id that no erasure handler covers.</param>
/// <param name="Signature">HMAC-SHA256 of everything above, base64url.</param>
public sealed record ErasureCertificate(
    Guid RequestId,
    string TenantId,
    string SubjectHash,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CompletedAt,
    PrivacyRequestStatus Status,
    IReadOnlyList<CertificateLine> Handlers,
    IReadOnlyList<string> UncoveredTypes,
    string Signature)
{
    /// <summary>Gets the tagged types the host acknowledged as out of scope of this erasure, with the reasons.</summary>
    public IReadOnlyList<OutOfScopeType> OutOfScopeTypes { get; init; } = [];

    /// <summary>The canonical bytes the signature covers: every field but the signature, in a fixed order.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] CanonicalPayload()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("requestId", RequestId);
            w.WriteString("tenantId", TenantId);
            w.WriteString("subjectHash", SubjectHash);
            w.WriteString("receivedAt", ReceivedAt.ToUniversalTime());
            w.WriteString("completedAt", CompletedAt.ToUniversalTime());
            w.WriteString("status", Status.ToString());
            w.WriteStartArray("handlers");
            foreach (var h in Handlers)
            {
                w.WriteStartObject();
                w.WriteString("handler", h.Handler);
                w.WriteNumber("changed", h.Changed);
                w.WriteNumber("retained", h.Retained);
                w.WriteNumber("deleted", h.Deleted);
                w.WriteStartObject("exemptions");
                foreach (var e in h.Exemptions)
                {
                    w.WriteNumber(e.Exemption.ToString(), e.Count);
                }

                w.WriteEndObject();
                w.WriteStartArray("recipientsNotified");
                foreach (var r in h.RecipientsNotified)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("uncoveredTypes");
            foreach (var t in UncoveredTypes)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            if (OutOfScopeTypes.Count > 0)
            {
                // Only when present, so certificates issued before acknowledgements existed still verify.
                w.WriteStartArray("outOfScopeTypes");
                foreach (var o in OutOfScopeTypes)
                {
                    w.WriteStartObject();
                    w.WriteString("typeName", o.TypeName);
                    w.WriteString("reason", o.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Signs and verifies <see cref="ErasureCertificate"/>s with HMAC-SHA256 under the certificate key.</summary>
public sealed class ErasureCertificateSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The key, at least 32 bytes.</param>
    /// <exception cref="PrivacyException">The key is shorter than 32 bytes.</exception>
    public ErasureCertificateSigner(ReadOnlySpan<byte> key)
    {
        _key = DerivedKeys.Checked(key, "certificate");
    }

    /// <summary>Derives the certificate key from the pseudonym key (HKDF-SHA256), for hosts that configure no separate certificate key.</summary>
    /// <param name="pseudonymKey">The pseudonym key.</param>
    /// <returns>A signer under the derived key.</returns>
    public static ErasureCertificateSigner FromPseudonymKey(ReadOnlySpan<byte> pseudonymKey) =>
        new(DerivedKeys.Derive(pseudonymKey, "gosmart.privacy.erasure-certificate", "pseudonym"));

    /// <summary>Signs a certificate (any signature it carries is replaced).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The signed certificate.</returns>
    public ErasureCertificate Sign(ErasureCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate with { Signature = Base64Url(HMACSHA256.HashData(_key, certificate.CanonicalPayload())) };
    }

    /// <summary>Whether <paramref name="certificate"/> was signed under this key and not changed since.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when the signature matches.</returns>
    public bool Verify(ErasureCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var expected = Base64Url(HMACSHA256.HashData(_key, certificate.CanonicalPayload()));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(certificate.Signature ?? string.Empty));
    }

    private static string Base64Url(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
