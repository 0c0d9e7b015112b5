namespace GoSmart.Privacy;

/// <summary>
/// Encrypts personal data under its subject's own data key (AES-256-GCM), and shreds that key on erasure: every copy of
/// every value encrypted under it becomes unreadable. Keys are wrapped by an <see cref="ISubjectKeyWrapper"/> and kept in
/// the privacy database; unwrapped keys are cached for <see cref="CryptoShreddingOptions.KeyCacheLifetime"/>.
/// </summary>
public interface IPersonalDataCipher
{
    /// <summary>Encrypts a value under the subject's data key, creating the key on first use.</summary>
    /// <param name="subject">The subject the value belongs to.</param>
    /// <param name="value">The value; <see langword="null"/> stays <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protected value (<c>gsx1.…</c>).</returns>
    /// <exception cref="PrivacyException">The subject's key was shredded: their data may not be written again under it.</exception>
    ValueTask<string?> EncryptAsync(SubjectRef subject, string? value, CancellationToken cancellationToken = default);

    /// <summary>Decrypts a value; a value whose subject's key was shredded reads as <see langword="null"/> (erased), never an exception.</summary>
    /// <param name="subject">The subject the value belongs to.</param>
    /// <param name="protectedValue">The protected value; a value that is not protected is returned as it is.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or <see langword="null"/> when shredded.</returns>
    ValueTask<string?> DecryptAsync(SubjectRef subject, string? protectedValue, CancellationToken cancellationToken = default);

    /// <summary>Decrypts synchronously (for EF Core's materialization): from the key cache when warm, else loading the key.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="protectedValue">The protected value.</param>
    /// <returns>The value, or <see langword="null"/> when shredded.</returns>
    string? Decrypt(SubjectRef subject, string? protectedValue);

    /// <summary>Gets whether a stored value is protected by this cipher.</summary>
    /// <param name="value">The stored value.</param>
    /// <returns><see langword="true"/> for a <c>gsx1.</c> value.</returns>
    bool IsProtected(string? value);

    /// <summary>Destroys the subject's data key (idempotent: a key already destroyed, or never created, stays so — and no key is ever created for the subject again).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call destroyed an existing key.</returns>
    Task<bool> ShredAsync(SubjectRef subject, CancellationToken cancellationToken = default);

    /// <summary>Re-wraps every live data key under the current master key (after a master-key rotation), without touching any encrypted value.</summary>
    /// <param name="cancellationToken">Cancels the call; calling it again continues.</param>
    /// <returns>How many keys were re-wrapped.</returns>
    Task<int> RewrapAsync(CancellationToken cancellationToken = default);
}
