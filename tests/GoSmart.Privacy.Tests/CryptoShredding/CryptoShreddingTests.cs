using GoSmart.Privacy.Tests.Requests;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.CryptoShredding;

/// <summary>
/// Crypto-shredding: values stored under their subject's key, read plain, and unreadable in every copy — a backup taken
/// before the erasure included — once erasure destroys the key.
/// </summary>
public sealed class CryptoShreddingTests : IDisposable
{
    private readonly VaultDatabase _vault = new();

    public void Dispose() => _vault.Dispose();

    [Fact]
    public async Task Protected_members_are_stored_encrypted_and_read_plain_without_marking_the_row_changed()
    {
        await using var host = _vault.Host();
        await VaultDatabase.SeedAsync(host);

        var stored = await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Email");
        Assert.StartsWith("gsx1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@", stored, StringComparison.Ordinal);
        Assert.Equal("Ada", await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Name")); // only tagged members are encrypted

        using var scope = host.Provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VaultDbContext>();
        var ada = await db.Members.SingleAsync(m => m.MemberId == VaultDatabase.Ada);
        Assert.Equal(("ada@example.com", "+44 20 7946 0018"), (ada.Email, ada.Phone));
        Assert.False(db.ChangeTracker.HasChanges());
        await db.SaveChangesAsync();
        Assert.Equal(stored, await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Email")); // nothing rewritten

        ada.Email = "ada@lovelace.example";
        await db.SaveChangesAsync();
        Assert.Equal("ada@lovelace.example", ada.Email); // the entity keeps its plain value
        Assert.Equal(EntityState.Unchanged, db.Entry(ada).State);
        Assert.NotEqual(stored, await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Email"));
        Assert.Equal("ada@lovelace.example", (await db.Members.AsNoTracking().SingleAsync(m => m.MemberId == VaultDatabase.Ada)).Email);
        Assert.StartsWith("gsx1.", await db.Members.Where(m => m.MemberId == VaultDatabase.Ada).Select(m => m.Email).SingleAsync(), StringComparison.Ordinal); // a projection reads the column as stored
    }

    [Fact]
    public async Task Erasure_destroys_the_key_so_a_copy_of_the_database_taken_before_it_is_unreadable()
    {
        await using var host = _vault.Host();
        await VaultDatabase.SeedAsync(host);
        SqliteConnection.ClearAllPools();
        var backup = _vault.File + ".backup";
        File.Copy(_vault.File, backup);
        try
        {
            var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", VaultDatabase.Ada.ToString())));

            var certificate = await host.Service.GetErasureCertificateAsync(request.Id);
            Assert.Equal(1, certificate.Handlers.Single(l => l.Handler == "gosmart.crypto-shredding").Result.Deleted);
            Assert.True(host.Service.VerifyCertificate(certificate));

            var options = new DbContextOptionsBuilder<VaultDbContext>().UseSqlite("Data Source=" + backup).UseGoSmartCryptoShredding(host.Provider).Options;
            await using (var restored = new VaultDbContext(options))
            {
                var members = await restored.Members.OrderBy(m => m.Name).ToListAsync();
                Assert.Equal(("Ada", null, null), (members[0].Name, members[0].Email, members[0].Phone)); // never rewritten, and unreadable
                Assert.Equal("grace@example.com", members[1].Email);
            }

            Assert.StartsWith("gsx1.", await VaultDatabase.RawAsync(backup, VaultDatabase.Ada, "Email"), StringComparison.Ordinal);

            var cipher = host.Provider.GetRequiredService<IPersonalDataCipher>();
            var refused = await Assert.ThrowsAsync<PrivacyException>(async () => await cipher.EncryptAsync(new SubjectRef("acme", VaultDatabase.Ada.ToString()), "new data"));
            Assert.Contains("was shredded", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(VaultDatabase.Ada.ToString(), refused.Message, StringComparison.OrdinalIgnoreCase);

            var again = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", VaultDatabase.Ada.ToString())));
            Assert.Equal(0, (await host.Service.GetErasureCertificateAsync(again.Id)).Handlers.Single(l => l.Handler == "gosmart.crypto-shredding").Result.Deleted); // idempotent
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [Fact]
    public async Task A_shredded_subjects_new_values_are_written_as_erased_never_in_the_clear()
    {
        await using var host = _vault.Host();
        await VaultDatabase.SeedAsync(host);
        await host.Provider.GetRequiredService<IPersonalDataCipher>().ShredAsync(new SubjectRef("acme", VaultDatabase.Ada.ToString()));

        using var scope = host.Provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VaultDbContext>();
        db.Members.Add(new VaultMember { TenantId = "acme", MemberId = VaultDatabase.Ada, Name = "Ada again", Email = "ada@again.example" });
        await db.SaveChangesAsync();

        Assert.Equal(1, await db.Members.CountAsync(m => m.MemberId == VaultDatabase.Ada && m.Email == null)); // the new row: written as erased
        db.ChangeTracker.Clear();
        Assert.All(await db.Members.Where(m => m.MemberId == VaultDatabase.Ada).ToListAsync(), m => Assert.Null(m.Email)); // the old row: unreadable
    }

    [Fact]
    public async Task Values_are_bound_to_their_subject_and_a_tampered_value_reads_as_erased()
    {
        await using var host = _vault.Host();
        var cipher = host.Provider.GetRequiredService<IPersonalDataCipher>();
        var ada = new SubjectRef("acme", "ada");
        var sealedValue = await cipher.EncryptAsync(ada, new string('x', 100));

        Assert.Equal(new string('x', 100), await cipher.DecryptAsync(ada, sealedValue));
        Assert.Equal(new string('x', 100), cipher.Decrypt(ada, sealedValue));
        Assert.Null(await cipher.DecryptAsync(new SubjectRef("acme", "grace"), sealedValue)); // another subject's value does not open
        Assert.Null(await cipher.DecryptAsync(new SubjectRef("globex", "ada"), sealedValue));
        Assert.Null(await cipher.DecryptAsync(ada, sealedValue![..^3] + (sealedValue[^3] == 'A' ? "B" : "A") + sealedValue[^2..]));
        Assert.Equal("plain", await cipher.DecryptAsync(ada, "plain")); // a value stored before encryption was on
        Assert.Null(await cipher.EncryptAsync(ada, null));
        Assert.True(await cipher.ShredAsync(ada));
        Assert.False(await cipher.ShredAsync(ada));
        Assert.Null(cipher.Decrypt(ada, sealedValue));
        Assert.False(await cipher.ShredAsync(new SubjectRef("acme", "never-seen")));
        await Assert.ThrowsAsync<PrivacyException>(async () => await cipher.EncryptAsync(new SubjectRef("acme", "never-seen"), "x")); // a tombstone: no key is ever created
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_every_data_key_without_touching_a_value()
    {
        var master = new VersionedMasterKey();
        string? email;
        await using (var host = _vault.Host(master))
        {
            await VaultDatabase.SeedAsync(host);
            email = await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Email");
            master.Rotate();

            Assert.Equal(2, await host.Provider.GetRequiredService<IPersonalDataCipher>().RewrapAsync());
            master.Retire(1); // the old master key is gone
        }

        await using var restarted = _vault.Host(master); // no key cached: every data key is unwrapped with the new master key
        using var scope = restarted.Provider.CreateScope();
        var ada = await scope.ServiceProvider.GetRequiredService<VaultDbContext>().Members.SingleAsync(m => m.MemberId == VaultDatabase.Ada);
        Assert.Equal("ada@example.com", ada.Email);
        Assert.Equal(email, await VaultDatabase.RawAsync(_vault.File, VaultDatabase.Ada, "Email")); // no value re-encrypted
    }

    [Fact]
    public async Task Data_protection_wraps_the_keys_so_the_key_table_alone_opens_nothing()
    {
        await using var host = _vault.Host();
        await VaultDatabase.SeedAsync(host);
        var hash = (await _vault.Keys.ListLiveAsync(null, 10, default)).Select(k => k.WrappedKey!).ToList();

        Assert.Equal(2, hash.Count);
        Assert.All(hash, wrapped => Assert.True(wrapped.Length > 32)); // a Data Protection payload, not a bare key
        Assert.Single(host.Provider.GetRequiredService<IKeyManager>().GetAllKeys());
    }

    [Fact]
    public void Crypto_shredding_without_a_master_key_stops_the_host_with_the_fix()
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key)).AddCryptoShredding();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.IsType<OptionsValidationException>(Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate()) is AggregateException all ? all.InnerExceptions[0] : null);

        Assert.Contains("no master key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseDataProtectionForSubjectKeys", ex.Message, StringComparison.Ordinal);
    }
}
