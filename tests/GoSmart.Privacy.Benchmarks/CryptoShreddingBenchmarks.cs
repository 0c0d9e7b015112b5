using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using GoSmart.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Crypto-shredding's cost per value: encrypting and decrypting a 100-byte value under a subject's data key with the key
/// cache warm (target: decrypt under 2 µs), against the floor — a bare AES-256-GCM decrypt of the same bytes with the key
/// already set up — and the first value of a new subject (its key created, wrapped and stored).
/// </summary>
[MemoryDiagnoser]
public class CryptoShreddingBenchmarks
{
    private readonly byte[] _floorKey = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _floorNonce = RandomNumberGenerator.GetBytes(12);
    private readonly byte[] _floorTag = new byte[16];
    private readonly byte[] _floorCipher = new byte[100];
    private readonly byte[] _floorPlain = new byte[100];
    private AesGcm _floorAes = null!;
    private ServiceProvider _provider = null!;
    private IPersonalDataCipher _cipher = null!;
    private SubjectRef _subject = null!;
    private string _value = null!;
    private string _sealed = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISubjectKeyWrapper>(new AesMasterKey());
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(new byte[32])).AddCryptoShredding();
        _provider = services.BuildServiceProvider();
        _cipher = _provider.GetRequiredService<IPersonalDataCipher>();
        _subject = new SubjectRef("acme", "subscriber-42");
        _value = new string('a', 100); // 100 bytes of UTF-8
        _sealed = (await _cipher.EncryptAsync(_subject, _value))!;
        _floorAes = new AesGcm(_floorKey, 16);
        _floorAes.Encrypt(_floorNonce, _floorPlain, _floorCipher, _floorTag);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floorAes.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: AES-GCM decrypt, key set up")]
    public void Floor() => _floorAes.Decrypt(_floorNonce, _floorCipher, _floorTag, _floorPlain);

    [Benchmark(Description = "decrypt 100 B, warm key")]
    public string? DecryptWarm() => _cipher.Decrypt(_subject, _sealed);

    [Benchmark(Description = "encrypt 100 B, warm key")]
    public ValueTask<string?> EncryptWarm() => _cipher.EncryptAsync(_subject, _value);

    [Benchmark(Description = "first value of a new subject: key created, wrapped, stored")]
    public ValueTask<string?> NewSubject() => _cipher.EncryptAsync(new SubjectRef("acme", "new-" + _next++), _value);

    /// <summary>A master key in memory, as a KMS would hold it.</summary>
    private sealed class AesMasterKey : ISubjectKeyWrapper
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        public byte[] Wrap(byte[] dataKey)
        {
            var wrapped = new byte[12 + dataKey.Length + 16];
            RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
            using var aes = new AesGcm(_key, 16);
            aes.Encrypt(wrapped.AsSpan(0, 12), dataKey, wrapped.AsSpan(12, dataKey.Length), wrapped.AsSpan(12 + dataKey.Length));
            return wrapped;
        }

        public byte[] Unwrap(byte[] wrappedKey)
        {
            var key = new byte[wrappedKey.Length - 28];
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(wrappedKey.AsSpan(0, 12), wrappedKey.AsSpan(12, key.Length), wrappedKey.AsSpan(12 + key.Length), key);
            return key;
        }
    }
}
