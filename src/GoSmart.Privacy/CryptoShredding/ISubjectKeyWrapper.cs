namespace GoSmart.Privacy;

/// <summary>
/// Wraps subjects' data keys under a master key held outside the database — ASP.NET Core Data Protection
/// (<c>UseDataProtectionForSubjectKeys</c>), a cloud KMS, an HSM — so a copy of the key table alone opens nothing.
/// </summary>
public interface ISubjectKeyWrapper
{
    /// <summary>Wraps a data key under the current master key.</summary>
    /// <param name="dataKey">The 32-byte data key.</param>
    /// <returns>The wrapped key, naming (inside it) the master key that wrapped it.</returns>
    byte[] Wrap(byte[] dataKey);

    /// <summary>Unwraps a data key wrapped under the current or an earlier master key.</summary>
    /// <param name="wrappedKey">The wrapped key.</param>
    /// <returns>The data key.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">No master key known here opens it.</exception>
    byte[] Unwrap(byte[] wrappedKey);
}
