using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Certificates;

/// <summary>Signs and verifies <see cref="ErasureCertificate"/>s with HMAC-SHA256 under the certificate key.</summary>
public sealed class ErasureCertificateSigner : IErasureCertificateSigner
{
    private readonly byte[] _key;

    /// <inheritdoc />
    public string Algorithm => ErasureCertificate.HmacAlgorithm;

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
        var unsigned = certificate with { Algorithm = Algorithm };
        return unsigned with { Signature = Base64UrlText.Encode(HMACSHA256.HashData(_key, unsigned.CanonicalPayload())) };
    }

    /// <summary>Whether <paramref name="certificate"/> was signed under this key and not changed since.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when the signature matches.</returns>
    public bool Verify(ErasureCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Algorithm != Algorithm)
        {
            return false;
        }

        var expected = Base64UrlText.Encode(HMACSHA256.HashData(_key, certificate.CanonicalPayload()));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(certificate.Signature ?? string.Empty));
    }
}
