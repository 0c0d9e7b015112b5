using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Certificates;

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
