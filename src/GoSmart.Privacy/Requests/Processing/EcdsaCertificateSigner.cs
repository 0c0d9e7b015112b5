using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Processing;

namespace GoSmart.Privacy;

/// <summary>
/// Signs erasure certificates with ECDSA P-256 / SHA-256 (the BCL's <see cref="ECDsa"/>), so that a third party — a
/// customer, a supervisory authority — verifies them with the public key alone (<see cref="ErasureCertificateVerifier"/>).
/// </summary>
public sealed class EcdsaCertificateSigner : IErasureCertificateSigner, IDisposable
{
    private readonly ECDsa _key;

    /// <summary>Creates a signer from a P-256 private key in PEM (<c>-----BEGIN PRIVATE KEY-----</c> or <c>EC PRIVATE KEY</c>).</summary>
    /// <param name="privateKeyPem">The private key. Keep it in a secret store; publish <see cref="PublicKeyPem"/>.</param>
    /// <exception cref="PrivacyException">The text is not a P-256 private key.</exception>
    public EcdsaCertificateSigner(string privateKeyPem)
    {
        _key = EcdsaKeys.Import(privateKeyPem, requirePrivate: true);
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    /// <inheritdoc />
    public string Algorithm => ErasureCertificate.EcdsaAlgorithm;

    /// <summary>Gets the public key, in PEM (<c>-----BEGIN PUBLIC KEY-----</c>), to give to whoever verifies certificates.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Makes a new P-256 private key in PEM, e.g. for a first deployment or a test.</summary>
    /// <returns>The PKCS#8 PEM text.</returns>
    public static string CreatePrivateKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <inheritdoc />
    public ErasureCertificate Sign(ErasureCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var unsigned = certificate with { Algorithm = Algorithm };
        var signature = _key.SignData(unsigned.CanonicalPayload(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return unsigned with { Signature = Base64UrlText.Encode(signature) };
    }

    /// <inheritdoc />
    public bool Verify(ErasureCertificate certificate) => EcdsaKeys.Verify(_key, certificate);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}

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

/// <summary>Imports and checks P-256 keys, and verifies ES256 certificate signatures.</summary>
internal static class EcdsaKeys
{
    public static ECDsa Import(string pem, bool requirePrivate)
    {
        var what = requirePrivate ? "a P-256 private key in PEM (make one with EcdsaCertificateSigner.CreatePrivateKeyPem())" : "a P-256 public key in PEM (EcdsaCertificateSigner.PublicKeyPem)";
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new PrivacyException($"The certificate key is empty. Pass {what}.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new PrivacyException($"The certificate key is on the curve {parameters.Curve.Oid?.FriendlyName ?? "unknown"}, not P-256. Pass {what}.");
            }

            if (requirePrivate)
            {
                key.ExportParameters(includePrivateParameters: true);
            }

            return key;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new PrivacyException($"The certificate key could not be read ({ex.GetType().Name}). Pass {what}.", ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static bool Verify(ECDsa key, ErasureCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.Algorithm == ErasureCertificate.EcdsaAlgorithm
            && Base64UrlText.TryDecode(certificate.Signature, out var signature)
            && key.VerifyData(certificate.CanonicalPayload(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
