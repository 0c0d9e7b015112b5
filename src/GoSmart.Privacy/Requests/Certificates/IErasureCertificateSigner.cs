using System.Security.Cryptography;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Certificates;

/// <summary>Signs erasure certificates and verifies the ones it signed.</summary>
public interface IErasureCertificateSigner
{
    /// <summary>Gets the algorithm it signs with (<see cref="ErasureCertificate.Algorithm"/>).</summary>
    string Algorithm { get; }

    /// <summary>Signs a certificate (any signature it carries is replaced).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The signed certificate.</returns>
    ErasureCertificate Sign(ErasureCertificate certificate);

    /// <summary>Whether <paramref name="certificate"/> was signed by this signer's key and not changed since.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when the signature matches.</returns>
    bool Verify(ErasureCertificate certificate);
}
