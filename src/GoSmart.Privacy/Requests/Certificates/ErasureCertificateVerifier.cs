using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Certificates;

/// <summary>Verifies erasure certificates without any secret: an ECDSA-signed one with the signer's public key.</summary>
public static class ErasureCertificateVerifier
{
    /// <summary>Whether <paramref name="certificate"/> was signed by the private key of <paramref name="publicKeyPem"/> and not changed since.</summary>
    /// <param name="certificate">The certificate, e.g. from <see cref="ErasureCertificate.FromJson"/>.</param>
    /// <param name="publicKeyPem">The signer's public key (<see cref="EcdsaCertificateSigner.PublicKeyPem"/>).</param>
    /// <returns><see langword="true"/> when the signature matches; <see langword="false"/> for any change, another key, or an HMAC-signed certificate.</returns>
    /// <exception cref="PrivacyException">The key is not a P-256 public key.</exception>
    public static bool Verify(ErasureCertificate certificate, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = EcdsaKeys.Import(publicKeyPem, requirePrivate: false);
        return EcdsaKeys.Verify(key, certificate);
    }
}
