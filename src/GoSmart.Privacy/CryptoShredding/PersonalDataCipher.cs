using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GoSmart.Privacy.Certificates;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.CryptoShredding;

/// <summary>
/// AES-256-GCM under per-subject data keys. A protected value is <c>gsx1.</c> + base64url(nonce ‖ ciphertext ‖ tag),
/// authenticated with the subject's tenant and id, so a value moved to another subject's record does not open. Keys are
/// found by the subject's keyed hash, unwrapped once and cached (with shreddings) for a bounded time.
/// </summary>
internal sealed class PersonalDataCipher(ISubjectKeyStore store, ISubjectKeyWrapper wrapper, RedactionContext redaction, IOptions<PrivacyOptions> options, TimeProvider time) : IPersonalDataCipher
{
    /// <summary>The prefix of a protected value.</summary>
    public const string Prefix = "gsx1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly ConcurrentDictionary<(string Tenant, string Subject), CachedKey> _cache = new();

    /// <inheritdoc />
    public bool IsProtected(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public async ValueTask<string?> EncryptAsync(SubjectRef subject, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (value is null)
        {
            return null;
        }

        var key = await KeyAsync(subject, create: true, cancellationToken).ConfigureAwait(false);
        return key.Key is not null ? Seal(key, subject, value)
            : throw new PrivacyException($"The data key of subject {Hash(subject)} in tenant '{subject.TenantId}' was shredded when their data was erased: nothing is encrypted under it again. A returning person is a new subject: give them a new id.");
    }

    /// <inheritdoc />
    public async ValueTask<string?> DecryptAsync(SubjectRef subject, string? protectedValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!IsProtected(protectedValue))
        {
            return protectedValue;
        }

        var key = Cached(subject) ?? await KeyAsync(subject, create: false, cancellationToken).ConfigureAwait(false);
        return Open(key, subject, protectedValue!);
    }

    /// <inheritdoc />
    public string? Decrypt(SubjectRef subject, string? protectedValue)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!IsProtected(protectedValue))
        {
            return protectedValue;
        }

        var key = Cached(subject) ?? KeyAsync(subject, create: false, CancellationToken.None).AsTask().GetAwaiter().GetResult(); // a cold key: EF Core materializes synchronously
        return Open(key, subject, protectedValue!);
    }

    /// <inheritdoc />
    public async Task<bool> ShredAsync(SubjectRef subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var destroyed = await store.DestroyAsync(subject.TenantId, Hash(subject), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _cache[(subject.TenantId, subject.SubjectId)] = new CachedKey(null, DateTimeOffset.MaxValue); // this instance never reads it again
        return destroyed;
    }

    /// <inheritdoc />
    public async Task<int> RewrapAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        (string, string)? after = null;
        while (true)
        {
            var batch = await store.ListLiveAsync(after, 500, cancellationToken).ConfigureAwait(false);
            foreach (var record in batch)
            {
                var rewrapped = wrapper.Wrap(wrapper.Unwrap(record.WrappedKey!));
                if (await store.RewrapAsync(record with { WrappedKey = rewrapped }, cancellationToken).ConfigureAwait(false))
                {
                    count++;
                }
            }

            if (batch.Count < 500)
            {
                return count;
            }

            after = (batch[^1].TenantId, batch[^1].SubjectHash);
        }
    }

    private CachedKey? Cached(SubjectRef subject) =>
        _cache.TryGetValue((subject.TenantId, subject.SubjectId), out var cached) && cached.ExpiresAt > time.GetUtcNow() ? cached : null;

    /// <summary>Loads (or creates) the subject's key, unwraps it and caches it; a shredded key is cached as shredded.</summary>
    private async ValueTask<CachedKey> KeyAsync(SubjectRef subject, bool create, CancellationToken cancellationToken)
    {
        if (Cached(subject) is { } cached)
        {
            return cached;
        }

        var hash = Hash(subject);
        var record = await store.GetAsync(subject.TenantId, hash, cancellationToken).ConfigureAwait(false);
        if (record is null && create)
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            record = await store.AddOrGetAsync(new SubjectKeyRecord(subject.TenantId, hash, wrapper.Wrap(fresh), time.GetUtcNow(), null), cancellationToken).ConfigureAwait(false);
        }

        var key = new CachedKey(record?.WrappedKey is { } wrapped ? wrapper.Unwrap(wrapped) : null, time.GetUtcNow() + options.Value.CryptoShredding.KeyCacheLifetime);
        if (_cache.Count >= options.Value.CryptoShredding.KeyCacheSize)
        {
            _cache.Clear(); // bounded: a full cache starts over rather than grow
        }

        if (record is not null)
        {
            _cache[(subject.TenantId, subject.SubjectId)] = key; // a subject with no key yet is not cached: their first write creates it
        }

        return key;
    }

    private string Hash(SubjectRef subject) => redaction.Pseudonymize(subject.TenantId + "\u001f" + subject.SubjectId);

    private static string Seal(CachedKey key, SubjectRef subject, string value)
    {
        var plainLength = Encoding.UTF8.GetByteCount(value);
        var total = NonceSize + plainLength + TagSize;
        var rented = ArrayPool<byte>.Shared.Rent(total + plainLength);
        try
        {
            var sealedBytes = rented.AsSpan(0, total);
            var plain = rented.AsSpan(total, plainLength);
            Encoding.UTF8.GetBytes(value, plain);
            RandomNumberGenerator.Fill(sealedBytes[..NonceSize]);
            var aes = key.Rent();
            aes.Encrypt(sealedBytes[..NonceSize], plain, sealedBytes.Slice(NonceSize, plainLength), sealedBytes[(NonceSize + plainLength)..], Associated(subject));
            key.Return(aes);
            CryptographicOperations.ZeroMemory(plain);
            return Prefix + Base64UrlText.Encode(sealedBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Opens a value; a shredded key, a missing key or a value that does not authenticate reads as erased.</summary>
    private static string? Open(CachedKey key, SubjectRef subject, string protectedValue)
    {
        if (key.Key is null || !Base64UrlText.TryDecode(protectedValue.AsSpan(Prefix.Length), out var sealedBytes) || sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plainLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = plainLength <= 512 ? stackalloc byte[plainLength] : new byte[plainLength];
        var aes = key.Rent();
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plainLength), sealedBytes.AsSpan(NonceSize + plainLength), plain, Associated(subject));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null; // another subject's value, or altered: never another person's data
        }
        finally
        {
            key.Return(aes);
        }
    }

    private static byte[] Associated(SubjectRef subject) => Encoding.UTF8.GetBytes(subject.TenantId + "\u001f" + subject.SubjectId);

    /// <summary>
    /// An unwrapped key (or <see langword="null"/>: shredded) until it expires from the cache, with one spare AES-GCM
    /// instance: setting a key up costs more than a whole 100-byte decrypt, so a warm read reuses it. An instance serves
    /// one caller at a time; a concurrent caller makes its own.
    /// </summary>
    private sealed class CachedKey(byte[]? key, DateTimeOffset expiresAt)
    {
        private AesGcm? _spare;

        public byte[]? Key => key;

        public DateTimeOffset ExpiresAt => expiresAt;

        public AesGcm Rent() => Interlocked.Exchange(ref _spare, null) ?? new AesGcm(key!, TagSize);

        public void Return(AesGcm aes)
        {
            if (Interlocked.CompareExchange(ref _spare, aes, null) is not null)
            {
                aes.Dispose();
            }
        }
    }
}
