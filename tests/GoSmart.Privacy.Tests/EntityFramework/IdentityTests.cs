using System.Security.Claims;
using GoSmart.Privacy.AspNetCore.Identity;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>The real <see cref="IdentityUser"/> in Identity's EF Core store, exported and erased through <see cref="UserManager{TUser}"/>.</summary>
public sealed class IdentityTests : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gosmart-identity-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task An_identity_user_is_exported_with_claims_logins_tokens_and_roles_and_no_secret()
    {
        await using var host = await HostWithAdaAsync();
        using var scope = host.Provider.CreateScope();
        var ada = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("ada");
        var exporter = GoSmart.Privacy.Requests.Engine.RegisteredHandlers.Of<IPersonalDataExporter>(scope.ServiceProvider).Single();

        var records = await exporter.ExportAsync(new SubjectRef("gosmart", ada!.Id), default).ToListAsync();

        Assert.Equal("identity/users", exporter.Name); // the EF handlers leave the Identity user to it: one handler, not two
        Assert.Equal("ada@example.com", Assert.IsType<IdentityUser>(records[0]).Email);
        Assert.Contains(new IdentityUserClaimRecord("favourite_colour", "green"), records);
        Assert.Contains(new IdentityUserLoginRecord("Google", "google-ada-1", "Google"), records);
        Assert.Contains(new IdentityUserTokenRecord("AuthenticatorKey", "set"), records);
        Assert.Contains(new IdentityUserTokenRecord("RecoveryCodes", "10 remaining"), records);
        Assert.Contains(new IdentityUserRoleRecord("Admin"), records);
        Assert.Empty(await exporter.ExportAsync(new SubjectRef("another-tenant", ada.Id), default).ToListAsync());
    }

    [Fact]
    public async Task Erasing_an_identity_user_goes_through_user_manager_and_leaves_the_stores_consistent()
    {
        await using var host = await HostWithAdaAsync();
        string id;
        string stamp;
        using (var scope = host.Provider.CreateScope())
        {
            var ada = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("ada"))!;
            (id, stamp) = (ada.Id, ada.SecurityStamp!);
        }

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("gosmart", id)));

        Assert.Equal(PrivacyRequestStatus.Completed, (await host.Service.GetAsync(request.Id))!.Status);
        var step = Assert.Single(await host.Steps.GetStepsAsync(request.Id, default));
        Assert.Equal(5, step.Result!.Deleted); // a login, two tokens, a claim, a role
        using (var scope = host.Provider.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var erased = (await users.FindByIdAsync(id))!;
            Assert.StartsWith("erased-", erased.UserName, StringComparison.Ordinal);
            Assert.Equal(erased.UserName!.ToUpperInvariant(), erased.NormalizedUserName);
            Assert.Null(await users.FindByNameAsync("ada"));
            Assert.Null(erased.Email);
            Assert.Null(erased.NormalizedEmail);
            Assert.Null(erased.PhoneNumber);
            Assert.False(await users.HasPasswordAsync(erased));
            Assert.Equal(DateTimeOffset.MaxValue, erased.LockoutEnd);
            Assert.NotEqual(stamp, erased.SecurityStamp);
            Assert.Empty(await users.GetLoginsAsync(erased));
            Assert.Empty(await users.GetClaimsAsync(erased));
            Assert.Empty(await users.GetRolesAsync(erased));
            Assert.Null(await users.GetAuthenticatorKeyAsync(erased));
            var grace = (await users.FindByNameAsync("grace"))!;
            Assert.Equal("grace@example.com", grace.Email);
            Assert.Single(await users.GetLoginsAsync(grace));
        }
    }

    [Fact]
    public void A_user_store_without_a_tenant_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => new RequestTestHost(registerHandlers: false, handlers: b => b.AddIdentity<IdentityUser>(o => { })));

        Assert.Contains("o.TenantOf = u => u.TenantId", ex.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return ValueTask.CompletedTask;
    }

    private async Task<RequestTestHost> HostWithAdaAsync()
    {
        var host = new RequestTestHost(registerHandlers: false, handlers: b =>
        {
            b.Services.AddDbContext<IdentityDbContext>(o => o.UseSqlite("Data Source=" + _file));
            b.Services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<IdentityDbContext>();
            b.AddIdentity<IdentityUser>(o => o.TenantOf = _ => "gosmart");
            b.AddEntityFrameworkCore<IdentityDbContext>(o => o.SingleTenant("gosmart"));
        });
        using var scope = host.Provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole("Admin"));
        foreach (var name in new[] { "ada", "grace" })
        {
            var user = new IdentityUser(name) { Email = name + "@example.com", PhoneNumber = "+44 20 7946 0018" };
            Assert.True((await users.CreateAsync(user, "Passw0rd!")).Succeeded);
            await users.AddLoginAsync(user, new UserLoginInfo("Google", "google-" + name + "-1", "Google"));
            if (name == "ada")
            {
                await users.AddClaimAsync(user, new Claim("favourite_colour", "green"));
                await users.AddToRoleAsync(user, "Admin");
                await users.ResetAuthenticatorKeyAsync(user);
                await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            }
        }

        return host;
    }
}
