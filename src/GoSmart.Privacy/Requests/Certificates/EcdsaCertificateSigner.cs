using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Certificates;

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
