using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Sqlite;
using GoSmart.Privacy.Storage.Relational;
using GoSmart.Privacy.Tests.EntityFramework;
using GoSmart.Privacy.Tests.Infrastructure;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoSmart.Privacy.Tests.Replay;

/// <summary>
/// A backup restored after an erasure brings the erased data back; replaying the erasures completed since the backup
/// erases it again, once per subject, from a ledger that holds no readable subject id.
/// </summary>
public class ErasureReplayTests
{
    private static readonly Guid Ada = new("7a1d0c1e-2b6f-4b8e-9d53-2f0f6f3b9a01");

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_erasure_undone_by_restoring_the_chat_database_is_applied_again_by_replay(Provider provider)
    {
        await using var chat = await ChatDatabase.CreateAsync(provider);
        await chat.SeedAsync();
        var privacyFile = Path.Combine(Path.GetTempPath(), $"gosmart-privacy-{Guid.NewGuid():N}.db");
        var relational = provider == Provider.Sqlite
            ? new SqlitePrivacyDatabase("Data Source=" + privacyFile).Relational
            : new PostgresPrivacyDatabase(PostgresServer.CreateDatabase()).Relational; // the privacy database is not restored with the chat one
        var ledger = new RelationalErasureReplayLedger(relational);
        await using var host = chat.Host(services: s => s.Replace(ServiceDescriptor.Singleton<IErasureReplayLedger>(ledger)));
        var ada = new SubjectRef("acme", ChatDatabase.Ada.ToString());
        try
        {
            var backup = Backup(chat);
            var backupTime = host.Time.GetUtcNow();
            host.Time.Advance(TimeSpan.FromDays(1));
            var erasure = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, ada));
            Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, erasure.Status);
            Assert.NotEqual("Ada Lovelace", await NameOfAdaAsync(chat));

            Restore(chat, backup);
            Assert.Equal("Ada Lovelace", await NameOfAdaAsync(chat)); // the restore brought her back

            var report = await host.Service.ReplayErasuresAsync(backupTime);

            var line = Assert.Single(report.Erasures);
            Assert.Equal((erasure.Id, "acme"), (line.OriginalRequestId, line.TenantId));
            Assert.NotEqual(erasure.Id, line.ReplayRequestId);
            Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, line.Status);
            Assert.True(line.Changed > 0);
            Assert.NotEqual("Ada Lovelace", await NameOfAdaAsync(chat));
            await using (var db = chat.Open())
            {
                Assert.Equal(["Ada at Globex", "Grace Hopper", "Linus"], (await db.Users.IgnoreQueryFilters().Where(u => u.Id != ChatDatabase.Ada || u.TenantId == "globex").Select(u => u.DisplayName).ToListAsync()).Order());
                Assert.DoesNotContain(await db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == "acme").Select(p => p.Text).ToListAsync(), t => t.StartsWith("Ada's note", StringComparison.Ordinal));
            }

            var replayReason = (await host.Service.GetAsync(line.ReplayRequestId))!.Reason;
            Assert.Contains(erasure.Id.ToString(), replayReason, StringComparison.Ordinal);
            Assert.Empty((await host.Service.ReplayErasuresAsync(host.Time.GetUtcNow().AddSeconds(1))).Erasures); // nothing completed after now
        }
        finally
        {
            await relational.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(privacyFile);
        }
    }

    [Fact]
    public async Task A_subject_erased_twice_since_the_backup_is_replayed_once_and_the_ledger_holds_no_readable_id()
    {
        var data = new TestData();
        await using var host = new RequestTestHost(data);
        var ledger = host.Provider.GetRequiredService<IErasureReplayLedger>();
        var before = host.Time.GetUtcNow();
        data.AddContact("acme", Ada, "Ada", "ada@example.com");
        var first = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
        host.Time.Advance(TimeSpan.FromHours(1));
        data.AddContact("acme", Ada, "Ada again", "ada@example.com");
        var second = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
        data.Contacts.Clear();
        data.AddContact("acme", Ada, "Ada restored", "ada@example.com"); // the restore

        var entries = await ledger.SinceAsync(before, default);
        var report = await host.Service.ReplayErasuresAsync(before);

        Assert.Equal([first.Id, second.Id], entries.Select(e => e.RequestId));
        Assert.All(entries, e => Assert.DoesNotContain(Ada.ToString(), StoredJson(e), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["chat.messages", "crm.contacts"], entries[0].Handlers);
        var line = Assert.Single(report.Erasures);
        Assert.Equal(second.Id, line.OriginalRequestId);
        Assert.NotEqual("Ada restored", data.Contacts[0].Value.FirstName);
        Assert.Empty((await host.Service.ReplayErasuresAsync(host.Time.GetUtcNow().AddTicks(1))).Erasures);
    }

    [Fact]
    public async Task A_ledger_written_under_another_pseudonym_key_is_refused_before_anything_is_erased()
    {
        var data = new TestData();
        var ledger = new InMemoryErasureReplayLedger();
        DateTimeOffset before;
        await using (var first = new RequestTestHost(data, handlers: b => b.Services.Replace(ServiceDescriptor.Singleton<IErasureReplayLedger>(ledger))))
        {
            before = first.Time.GetUtcNow();
            data.AddContact("acme", Ada, "Ada", "ada@example.com");
            await first.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
        }

        data.AddContact("acme", Ada, "Ada restored", "ada@example.com");
        var otherKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        await using var second = new RequestTestHost(data, configure: o => o.PseudonymKey = otherKey, handlers: b => b.Services.Replace(ServiceDescriptor.Singleton<IErasureReplayLedger>(ledger)));

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => second.Service.ReplayErasuresAsync(before));

        Assert.Contains("pseudonym key", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Ada restored", data.Contacts[^1].Value.FirstName);
        Assert.Empty(await second.Service.ListAsync(new PrivacyRequestQuery()).ToListAsync());
    }

    private static string StoredJson(ErasureReplayEntry entry) => System.Text.Json.JsonSerializer.Serialize(entry);

    private static async Task<string?> NameOfAdaAsync(ChatDatabase chat)
    {
        await using var db = chat.Open();
        return await db.Users.IgnoreQueryFilters().Where(u => u.Id == ChatDatabase.Ada && u.TenantId == "acme").Select(u => u.DisplayName).SingleAsync();
    }

    private static string Backup(ChatDatabase chat)
    {
        if (chat.ProviderKind == Provider.Postgres)
        {
            return PostgresServer.Dump(chat.ConnectionString);
        }

        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(chat.ConnectionString).DataSource;
        var copy = file + ".backup";
        File.Copy(file, copy); // a file copy of a closed database, as an operator's backup would be
        return copy;
    }

    private static void Restore(ChatDatabase chat, string backup)
    {
        if (chat.ProviderKind == Provider.Postgres)
        {
            PostgresServer.Restore(chat.ConnectionString, backup);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            File.Copy(backup, new SqliteConnectionStringBuilder(chat.ConnectionString).DataSource, overwrite: true);
        }

        File.Delete(backup);
    }
}
