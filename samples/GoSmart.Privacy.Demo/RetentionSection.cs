using GoSmart.Privacy.Verification;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy.Demo;

/// <summary>
/// Step 10, keeping data only as long as the policy says: a retention rule's dry run and sweep, a legal hold that keeps
/// part of an erasure (reported, then released), a crypto-shredded value unreadable in a copy taken before the erasure,
/// and the replay that erases again what restoring that copy brought back.
/// </summary>
public static class RetentionSection
{
    private static readonly RetentionRule OldPosts = new()
    {
        Name = "community-posts",
        Scope = RetentionScope.Entity,
        Target = typeof(CommunityPost).FullName!,
        Anchor = "the post was sent",
        AnchorMember = nameof(CommunityPost.SentAt),
        Period = RetentionPeriod.Days(30),
        LegalReason = "no longer needed to run the community (policy section 6)",
    };

    public static async Task RunAsync(string key, string output)
    {
        Console.WriteLine();
        Console.WriteLine("== Retention, legal holds, crypto-shredding, replay: the community service (EF Core on SQLite)");
        var database = Path.Combine(output, "community.db");
        await using var provider = Build(key, output, database);
        var now = DateTime.UtcNow;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Members.AddRange(Member("ada", "Ada Lovelace", "ada@example.com"), Member("grace", "Grace Hopper", "grace@example.com"));
            db.Posts.AddRange(Post("ada", "Ada's post of last quarter", now.AddDays(-95)), Post("grace", "Grace's post of last quarter", now.AddDays(-90)),
                Post("ada", "Ada's post of this week", now.AddDays(-3)));
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"-- {OldPosts.Name}: kept {OldPosts.Description}; records sent before {OldPosts.ExpiredBefore(DateTimeOffset.UtcNow, TimeZoneInfo.Utc):yyyy-MM-dd} have expired");
        var sweeper = provider.GetRequiredService<IRetentionSweeper>();
        var holds = provider.GetRequiredService<ILegalHolds>();
        var dryRun = await sweeper.SweepAsync(dryRun: true);
        Console.WriteLine($"   dry run: would change {dryRun.Lines.Sum(l => l.Changed)} values in {string.Join(", ", dryRun.Lines.Select(l => l.Handler))}; nothing stored");
        var litigation = await holds.PlaceAsync(new LegalHoldPlacement(LegalHoldScope.Subject, "grace", "litigation: contract dispute", "counsel@acme") { TenantId = "acme", Reference = "CASE-2026-114" });
        var sweep = await sweeper.SweepAsync();
        var line = sweep.Lines.Single();
        Console.WriteLine($"   sweep with Grace under legal hold {litigation.Reference}: {line.Changed} value(s) erased, {line.Held} post(s) held; swept again: {(await sweeper.SweepAsync()).Lines.Single().Changed} changed (each record once per rule)");

        var requests = provider.GetRequiredService<IPrivacyRequestService>();
        var postsHold = await holds.PlaceAsync(new LegalHoldPlacement(LegalHoldScope.Handler, "community/CommunityPost", "regulator's inquiry into posts", "dpo@acme") { TenantId = "acme" });
        SqliteConnection.ClearAllPools();
        var backup = database + ".backup";
        File.Copy(database, backup);
        var backupTakenAt = DateTimeOffset.UtcNow;
        var ada = new SubjectRef("acme", "ada");
        var erasure = await requests.SubmitAsync(new(PrivacyRequestKind.Erasure, ada));
        Console.WriteLine($"-- Ada's erasure while the posts are held: {erasure.Status}");
        foreach (var step in (await requests.GetReportAsync(erasure.Id)).Handlers.OrderBy(h => h.Handler, StringComparer.Ordinal))
        {
            var r = step.Result!;
            Console.WriteLine($"   {step.Handler,-26} {(r.IsHeld ? $"held by {string.Join(", ", r.HeldBy!.Select(h => h == postsHold.Id ? "the regulator's hold" : h.ToString()))} ({string.Join(", ", r.Exemptions.Select(e => e.Exemption))})" : $"{r.Changed} changed, {r.Deleted} deleted")}");
        }

        var release = await holds.ReleaseAsync(postsHold.Id, "dpo@acme");
        Console.WriteLine($"   hold released: {release.RequeuedRequests.Count} request re-queued, now {(await requests.GetAsync(erasure.Id))!.Status}; Ada's posts: {string.Join(" / ", await PostsOfAsync(provider, "ada"))}");

        var copy = new DbContextOptionsBuilder<CommunityDbContext>().UseSqlite("Data Source=" + backup).UseGoSmartCryptoShredding(provider).Options;
        await using (var restored = new CommunityDbContext(copy))
        {
            var members = await restored.Members.OrderBy(m => m.MemberId).ToListAsync();
            Console.WriteLine($"-- crypto-shredding: in the copy taken before the erasure, Ada's e-mail reads {members[0].Email ?? "(unreadable: her key is destroyed)"}, Grace's {members[1].Email}");
        }

        SqliteConnection.ClearAllPools();
        File.Copy(backup, database, overwrite: true);
        File.Delete(backup);
        Console.WriteLine($"-- replay: the community database restored from that copy shows Ada's name as \"{await NameOfAsync(provider, "ada")}\" again");
        var replay = await requests.ReplayErasuresAsync(backupTakenAt);
        foreach (var replayed in replay.Erasures)
        {
            Console.WriteLine($"   re-erased {replayed.SubjectHash[..14]}… (erasure of {replayed.OriginalCompletedAt:HH:mm:ss}) as request {replayed.ReplayRequestId:N}: {replayed.Changed} value(s); name now \"{await NameOfAsync(provider, "ada")}\"");
        }

        Console.WriteLine($"   Grace's data, under hold, untouched: \"{await NameOfAsync(provider, "grace")}\", posts: {string.Join(" / ", await PostsOfAsync(provider, "grace"))}");
    }

    private static ServiceProvider Build(string key, string output, string database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        Configure(services, key, output, database, "Data Source=" + Path.Combine(output, "community-privacy.db"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Adds the community service's database and the SDK as the service runs them: the demo and the tool's design-time services call it.</summary>
    /// <param name="services">The services.</param>
    /// <param name="key">The pseudonym key.</param>
    /// <param name="output">The folder of the key ring.</param>
    /// <param name="database">The community database file.</param>
    /// <param name="privacyStore">The privacy store's connection string.</param>
    public static void Configure(IServiceCollection services, string key, string output, string database, string privacyStore)
    {
        services.AddDbContext<CommunityDbContext>((sp, o) => o.UseSqlite("Data Source=" + database).UseGoSmartCryptoShredding(sp));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(output, "keyring"))).SetApplicationName("gosmart-demo");
        services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = key;
                o.ServiceName = "community";
                o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
                o.Disclosure.Purposes.Add(new(ProcessingPurposes.ProvideServiceOnBehalfOfCustomer, "Run your organisation's community.", LegalBasis.Contract)
                {
                    Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.ContactEmail, DataCategories.ContentMessage],
                    SubjectKinds = [DataSubjectKind.EndUser],
                });
                o.Retention.Rules.Add(OldPosts);
                foreach (var other in new[] { typeof(CrmContact), typeof(ChatMessage), typeof(ChatReaction), typeof(ChatMention), typeof(SupportTicket) })
                {
                    o.Coverage.OutOfScope.Add(new OutOfScopeType(other.FullName!, "The demo's other services hold these; this service holds the community database."));
                }
            })
            .UseSqlite(privacyStore)
            .UseDataProtectionForSubjectKeys()
            .AddCryptoShredding()
            .AddEntityFrameworkCore<CommunityDbContext>(o => { o.Name = "community"; o.TenantProperty = nameof(CommunityMember.TenantId); })
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>();
    }

    private static CommunityMember Member(string id, string name, string email) => new() { TenantId = "acme", MemberId = id, Name = name, Email = email };

    private static CommunityPost Post(string author, string text, DateTime sentAt) => new() { TenantId = "acme", AuthorId = author, Text = text, SentAt = sentAt };

    private static async Task<string> NameOfAsync(IServiceProvider provider, string member)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Members.Where(m => m.MemberId == member).Select(m => m.Name).SingleAsync();
    }

    private static async Task<List<string>> PostsOfAsync(IServiceProvider provider, string author)
    {
        await using var scope = provider.CreateAsyncScope();
        var texts = await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Posts.Where(p => p.AuthorId == author).OrderBy(p => p.Id).Select(p => p.Text).ToListAsync();
        return [.. texts.Select(t => string.IsNullOrEmpty(t) ? "(erased)" : t)];
    }
}

/// <summary>
/// The community service as the <c>gosmart-privacy</c> tool builds it, on the store the tool is given (the demo's
/// <c>privacy-out/community-privacy.db</c>), with the community database and key ring beside it:
/// <c>gosmart-privacy retention dry-run --assembly GoSmart.Privacy.Demo.dll --design-time CommunityDesignTimeServices -c "Data Source=privacy-out/community-privacy.db"</c>.
/// </summary>
public sealed class CommunityDesignTimeServices : GoSmart.Privacy.Design.IPrivacyDesignTimeServices
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, GoSmart.Privacy.Design.PrivacyDesignTimeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.ConnectionString ?? "Data Source=" + Path.Combine("privacy-out", "community-privacy.db");
        var output = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(store).DataSource))!;
        RetentionSection.Configure(services, DemoKeys.FromEnvironment(), output, Path.Combine(output, "community.db"), store);
    }
}
