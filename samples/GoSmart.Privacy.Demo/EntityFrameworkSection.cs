using System.Text.Json;
using GoSmart.Crm.Sample;
using GoSmart.Privacy.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy.Demo;

/// <summary>
/// The CRM sample's EF Core database, as the CRM service runs it: its contacts and its ASP.NET Core Identity users get
/// their handlers from one registration each — no hand-written loop — and one access request and one erasure reach both.
/// </summary>
public static class EntityFrameworkSection
{
    public static async Task RunAsync(string key, string output)
    {
        Console.WriteLine();
        Console.WriteLine("== EF Core: the CRM sample's CrmDbContext (contacts, Identity users), one registration each");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite("Data Source=" + Path.Combine(output, "crm.db")));
        services.AddIdentityCore<CrmUser>().AddEntityFrameworkStores<CrmDbContext>();
        services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = key;
                o.ServiceName = "crm";
                foreach (var other in new[] { typeof(CrmContact), typeof(ChatMessage), typeof(ChatReaction), typeof(ChatMention), typeof(SupportTicket), typeof(CommunityMember), typeof(CommunityPost) })
                {
                    o.Coverage.OutOfScope.Add(new OutOfScopeType(other.FullName!, "The demo's in-memory services above hold these; this service holds the CRM database."));
                }
            })
            .UseSqlite("Data Source=" + Path.Combine(output, "crm-privacy.db"))
            .AddEntityFrameworkCore<CrmDbContext>(o => { o.Name = "crm"; o.TenantProperty = "TenantId"; })
            .AddIdentity<CrmUser>(o => o.TenantOf = u => u.TenantId)
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await CrmSampleApp.SeedAsync(provider);
        var requests = provider.GetRequiredService<IPrivacyRequestService>();
        var ada = new SubjectRef("acme", "ada");

        var access = await requests.SubmitAsync(new(PrivacyRequestKind.Access, ada));
        var packagePath = Path.Combine(output, $"access-crm-{access.Id:N}.zip");
        await using (var file = File.Create(packagePath))
        {
            await requests.WriteAccessPackageAsync(access.Id, file, AccessPackageFormat.Zip);
        }

        Console.WriteLine("-- access (Art. 15): the handlers generated from the model wrote");
        using (var zip = System.IO.Compression.ZipFile.OpenRead(packagePath))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("data/", StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.Ordinal)))
            {
                using var doc = JsonDocument.Parse(entry.Open());
                Console.WriteLine($"   {entry.FullName,-28} {doc.RootElement.GetArrayLength()} record(s)");
            }
        }

        var erasure = await requests.SubmitAsync(new(PrivacyRequestKind.Erasure, ada));
        Console.WriteLine($"-- erasure (Art. 17): {erasure.Status}{(erasure.UncoveredTypes.Count > 0 ? "; uncovered: " + string.Join(", ", erasure.UncoveredTypes) : "")}");
        foreach (var handler in (await requests.GetReportAsync(erasure.Id)).Handlers)
        {
            var r = handler.Result!;
            Console.WriteLine($"   {handler.Handler,-16} {handler.State}: {r.Changed} changed, {r.Retained} retained, {r.Deleted} removed");
        }

        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var contact = await db.Contacts.SingleAsync(c => c.TenantId == "acme" && c.Id == "ada");
        var globex = await db.Contacts.SingleAsync(c => c.TenantId == "globex" && c.Id == "ada");
        Console.WriteLine($"   contact row: name \"{contact.FullName}\", e-mail {contact.Email?[..12]}…, phone {contact.Phone}, company \"{contact.Company}\" and deal {contact.Deals.Single().Amount} kept; globex's copy: {globex.FullName}");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var account = (await users.FindByIdAsync("ada"))!;
        Console.WriteLine($"   portal account (through UserManager): user name {account.UserName}, e-mail {account.Email ?? "(none)"}, logins {(await users.GetLoginsAsync(account)).Count}, locked until {account.LockoutEnd:yyyy}");
    }
}
