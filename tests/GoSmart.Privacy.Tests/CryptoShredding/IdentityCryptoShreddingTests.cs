using GoSmart.Privacy.Tests.Requests;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.CryptoShredding;

/// <summary>The real <see cref="IdentityUser"/>: its <c>[ProtectedPersonalData]</c> members stored under the user's own key, found by Identity's normalized lookups, and unreadable once the user is erased.</summary>
public sealed class IdentityCryptoShreddingTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gosmart-identity-crypto-{Guid.NewGuid():N}.db");
    private readonly string _keyRing = Directory.CreateTempSubdirectory("gosmart-keyring-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        Directory.Delete(_keyRing, recursive: true);
    }

    [Fact]
    public async Task Protected_personal_data_of_an_identity_user_is_encrypted_found_by_lookups_and_shredded_on_erasure()
    {
        await using var host = new RequestTestHost(registerHandlers: false, handlers: b =>
        {
            b.Services.AddDbContext<IdentityDbContext>((sp, o) => o.UseSqlite("Data Source=" + _file).UseGoSmartCryptoShredding(sp));
            b.Services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<IdentityDbContext>();
            b.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(_keyRing));
            b.AddIdentity<IdentityUser>(o => o.TenantOf = _ => "gosmart");
            b.AddEntityFrameworkCore<IdentityDbContext>(o => o.SingleTenant("gosmart"));
            b.UseDataProtectionForSubjectKeys().AddCryptoShredding();
        });
        string id;
        using (var scope = host.Provider.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var ada = new IdentityUser("ada") { Email = "ada@example.com", PhoneNumber = "+44 20 7946 0018" };
            Assert.True((await users.CreateAsync(ada, "Passw0rd!")).Succeeded);
            id = ada.Id;
        }

        Assert.StartsWith("gsx1.", await RawAsync("Email", id), StringComparison.Ordinal);
        Assert.StartsWith("gsx1.", await RawAsync("UserName", id), StringComparison.Ordinal);
        Assert.Equal("ADA@EXAMPLE.COM", await RawAsync("NormalizedEmail", id)); // Identity's lookups use the normalized columns
        using (var scope = host.Provider.CreateScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("ada@example.com");
            Assert.Equal(("ada", "ada@example.com", "+44 20 7946 0018"), (found!.UserName, found.Email, found.PhoneNumber));
        }

        var erasure = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("gosmart", id)));

        var certificate = await host.Service.GetErasureCertificateAsync(erasure.Id);
        Assert.Equal(1, certificate.Handlers.Single(l => l.Handler == "gosmart.crypto-shredding").Result.Deleted);
        using (var scope = host.Provider.CreateScope())
        {
            var erased = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.Equal((null, null), (erased.Email, erased.PhoneNumber)); // whatever was written under the key is gone with it
        }
    }

    private async Task<string?> RawAsync(string column, string id)
    {
        await using var connection = new SqliteConnection("Data Source=" + _file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"AspNetUsers\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync() as string;
    }
}
