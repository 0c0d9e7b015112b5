using GoSmart.Privacy.Tests.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.CryptoShredding;

/// <summary>A member of a community whose e-mail and phone are crypto-shredded.</summary>
public sealed class VaultMember
{
    [NotPersonalData] public long Id { get; set; }

    [NotPersonalData] public string TenantId { get; set; } = "";

    [DataSubjectId] public Guid MemberId { get; set; }

    [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";

    [PersonalField(DataCategories.ContactEmail)][CryptoShredded] public string? Email { get; set; }

    [PersonalField(DataCategories.ContactPhone)][CryptoShredded] public string? Phone { get; set; }
}

/// <summary>The members' context.</summary>
public sealed class VaultDbContext(DbContextOptions<VaultDbContext> options) : DbContext(options)
{
    public DbSet<VaultMember> Members => Set<VaultMember>();
}

/// <summary>A SQLite file of members, a Data Protection key ring in a directory, and a privacy host with crypto-shredding.</summary>
internal sealed class VaultDatabase : IDisposable
{
    public static readonly Guid Ada = new("a0a0a0a0-0000-4000-8000-0000000000a1");
    public static readonly Guid Grace = new("b0b0b0b0-0000-4000-8000-0000000000b2");

    public string File { get; } = Path.Combine(Path.GetTempPath(), $"gosmart-vault-{Guid.NewGuid():N}.db");

    public string KeyRing { get; } = Directory.CreateTempSubdirectory("gosmart-keyring-").FullName;

    public ISubjectKeyStore Keys { get; } = new InMemorySubjectKeyStore();

    public RequestTestHost Host(ISubjectKeyWrapper? masterKey = null) => new(registerHandlers: false, handlers: b =>
    {
        b.Services.AddDbContext<VaultDbContext>((sp, o) => o.UseSqlite("Data Source=" + File).UseGoSmartCryptoShredding(sp));
        b.Services.AddSingleton(Keys); // the privacy database's key table, surviving a host restart
        if (masterKey is null)
        {
            b.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(KeyRing)).SetApplicationName("gosmart-tests");
            b.UseDataProtectionForSubjectKeys();
        }
        else
        {
            b.Services.AddSingleton(masterKey);
        }

        b.AddCryptoShredding()
            .AddEntityFrameworkCore<VaultDbContext>(o => { o.Name = "vault"; o.TenantProperty = nameof(VaultMember.TenantId); });
    });

    public static async Task SeedAsync(RequestTestHost host)
    {
        using var scope = host.Provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VaultDbContext>();
        await db.Database.EnsureCreatedAsync();
        db.Members.AddRange(
            new VaultMember { TenantId = "acme", MemberId = Ada, Name = "Ada", Email = "ada@example.com", Phone = "+44 20 7946 0018" },
            new VaultMember { TenantId = "acme", MemberId = Grace, Name = "Grace", Email = "grace@example.com", Phone = null });
        await db.SaveChangesAsync();
    }

    /// <summary>Reads a column as stored, bypassing EF Core.</summary>
    public static async Task<string?> RawAsync(string file, Guid member, string column)
    {
        await using var connection = new SqliteConnection("Data Source=" + file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"Members\" WHERE upper(\"MemberId\") = upper($id)";
        command.Parameters.AddWithValue("$id", member.ToString());
        return await command.ExecuteScalarAsync() as string;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        Directory.Delete(KeyRing, recursive: true);
    }
}

/// <summary>A KMS-like master key with versions: wraps under the current version, unwraps under any version it still has.</summary>
internal sealed class VersionedMasterKey : ISubjectKeyWrapper
{
    private readonly Dictionary<byte, byte[]> _versions = new() { [1] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) };

    public byte Current { get; private set; } = 1;

    public void Rotate() => _versions[++Current] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public void Retire(byte version) => _versions.Remove(version);

    public byte[] Wrap(byte[] dataKey)
    {
        var wrapped = new byte[1 + 12 + dataKey.Length + 16];
        wrapped[0] = Current;
        System.Security.Cryptography.RandomNumberGenerator.Fill(wrapped.AsSpan(1, 12));
        using var aes = new System.Security.Cryptography.AesGcm(_versions[Current], 16);
        aes.Encrypt(wrapped.AsSpan(1, 12), dataKey, wrapped.AsSpan(13, dataKey.Length), wrapped.AsSpan(13 + dataKey.Length));
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrappedKey)
    {
        if (!_versions.TryGetValue(wrappedKey[0], out var master))
        {
            throw new System.Security.Cryptography.CryptographicException($"master key version {wrappedKey[0]} is retired");
        }

        var key = new byte[wrappedKey.Length - 29];
        using var aes = new System.Security.Cryptography.AesGcm(master, 16);
        aes.Decrypt(wrappedKey.AsSpan(1, 12), wrappedKey.AsSpan(13, key.Length), wrappedKey.AsSpan(13 + key.Length), key);
        return key;
    }
}

