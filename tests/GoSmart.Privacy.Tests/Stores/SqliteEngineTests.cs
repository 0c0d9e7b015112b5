using GoSmart.Privacy.Sqlite;
using GoSmart.Privacy.Tests.Consent;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Tests.Stores;

/// <summary>The engine and the consent ledger on a SQLite file, across a crash and a restart.</summary>
public sealed class SqliteEngineTests : IDisposable
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");
    private readonly string _directory = Directory.CreateTempSubdirectory("gosmart-engine-").FullName;

    private string ConnectionString => "Data Source=" + Path.Combine(_directory, "privacy.db");

    [Fact]
    public async Task A_processor_stopped_mid_request_resumes_from_the_file_and_runs_every_step_exactly_once()
    {
        var data = new TestData();
        data.AddContact("acme", Ada, "Ada", "ada@example.com");
        data.AddMessage("acme", Ada.ToString(), "hello");
        data.Gates["chat.messages"] = new TaskCompletionSource();
        Guid requestId;

        await using (var first = Host(data, processAfterVerification: false))
        {
            var request = await first.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
            requestId = request.Id;
            using var stop = new CancellationTokenSource();
            var processing = first.Service.ProcessAsync(requestId, stop.Token);
            await WaitUntil(async () => (await first.Store.GetStepsAsync(requestId, default)).Any(s => s.Handler == "crm.contacts" && s.State == StepState.Completed) && data.Runs.ContainsKey("chat.messages"));
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
        }

        data.Gates.Clear();
        SqliteConnection.ClearAllPools();
        await using var restarted = Host(data, processAfterVerification: true);

        Assert.Equal(1, await restarted.Service.ResumeAsync());
        var done = (await restarted.Service.GetAsync(requestId))!;
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done.Status);
        Assert.Equal(1, data.Runs["crm.contacts"]);
        Assert.Equal(2, data.Runs["chat.messages"]);
        Assert.Contains(await restarted.Audit.QueryAsync(requestId, default).ToListAsync(), e => e.Event == "completed");
        Assert.True(restarted.Service.VerifyCertificate(await restarted.Service.GetErasureCertificateAsync(requestId)));
    }

    [Fact]
    public async Task Consent_survives_a_restart_and_a_withdrawal_counts_at_once_and_the_chain_verifies()
    {
        var ada = new SubjectRef("acme", "ada");
        await using (var first = new ConsentTestHost(builder: b => b.UseSqlite(ConnectionString)))
        {
            await first.Consent.GrantAsync(new ConsentGrant(ada, ConsentTestHost.Email, ConsentMethod.Form, "crm.web"));
            Assert.True(first.Consent.HasConsent(ada, ConsentTestHost.Email));
        }

        await using var second = new ConsentTestHost(builder: b => b.UseSqlite(ConnectionString));
        Assert.True(second.Consent.HasConsent(ada, ConsentTestHost.Email)); // a cold cache reads the file
        await second.Consent.WithdrawAsync(ada, ConsentTestHost.Email, ConsentMethod.EmailLink, "unsubscribe-link");
        Assert.False(second.Consent.HasConsent(ada, ConsentTestHost.Email));
        Assert.True((await second.Consent.VerifyIntegrityAsync("acme")).IsIntact);
        Assert.Equal(2, await second.Consent.HistoryAsync(ada).CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private RequestTestHost Host(TestData data, bool processAfterVerification)
    {
        var database = new SqlitePrivacyDatabase(ConnectionString);
        return new RequestTestHost(data, configure: o => o.ProcessAfterVerification = processAfterVerification,
            store: new SqlitePrivacyRequestStore(database), restrictions: new SqliteRestrictionStore(database), audit: new SqlitePrivacyAuditLog(database));
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }
}
