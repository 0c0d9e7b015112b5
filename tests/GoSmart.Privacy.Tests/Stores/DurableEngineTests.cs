using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Sqlite;
using GoSmart.Privacy.Tests.Consent;
using GoSmart.Privacy.Tests.Infrastructure;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Tests.Stores;

/// <summary>The engine and the consent ledger on durable storage, across a crash and a restart: written once, run on each database.</summary>
public abstract class DurableEngineTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    /// <summary>Registers the store under test.</summary>
    protected abstract void UseStore(IPrivacyBuilder builder);

    /// <summary>Opens the stores under test, as a new process would.</summary>
    protected abstract Stores OpenStores();

    /// <summary>Lets go of pooled connections, as a process that stops does.</summary>
    protected virtual void ReleaseConnections()
    {
    }

    [SkippableFact]
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
            await WaitUntil(async () => (await first.Steps.GetStepsAsync(requestId, default)).Any(s => s.Handler == "crm.contacts" && s.State == StepState.Completed) && data.Runs.ContainsKey("chat.messages"));
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
        }

        data.Gates.Clear();
        ReleaseConnections();
        await using var restarted = Host(data, processAfterVerification: true);

        Assert.Equal(1, await restarted.Service.ResumeAsync());
        var done = (await restarted.Service.GetAsync(requestId))!;
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done.Status);
        Assert.Equal(1, data.Runs["crm.contacts"]);
        Assert.Equal(2, data.Runs["chat.messages"]);
        Assert.Contains(await restarted.Audit.QueryAsync(requestId, default).ToListAsync(), e => e.Event == "completed");
        Assert.True(restarted.Service.VerifyCertificate(await restarted.Service.GetErasureCertificateAsync(requestId)));
    }

    [SkippableFact]
    public async Task Consent_survives_a_restart_and_a_withdrawal_counts_at_once_and_the_chain_verifies()
    {
        var ada = new SubjectRef("acme", "ada");
        await using (var first = new ConsentTestHost(builder: UseStore))
        {
            await first.Consent.GrantAsync(new ConsentGrant(ada, ConsentTestHost.Email, ConsentMethod.Form, "crm.web"));
            Assert.True(first.Consent.HasConsent(ada, ConsentTestHost.Email));
        }

        await using var second = new ConsentTestHost(builder: UseStore);
        Assert.True(second.Consent.HasConsent(ada, ConsentTestHost.Email)); // a cold cache reads the file
        await second.Consent.WithdrawAsync(ada, ConsentTestHost.Email, ConsentMethod.EmailLink, "unsubscribe-link");
        Assert.False(second.Consent.HasConsent(ada, ConsentTestHost.Email));
        Assert.True((await second.Consent.VerifyIntegrityAsync("acme")).IsIntact);
        Assert.Equal(2, await second.Consent.HistoryAsync(ada).CountAsync());
    }

    [SkippableFact]
    public async Task A_container_disposed_synchronously_disposes_the_stores_without_throwing()
    {
        var services = new ServiceCollection();
        UseStore(services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key)));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IPrivacyRequestService>().ResumeAsync(); // the stores are created and used

        provider.Dispose(); // as `using var provider = …` does: it threw for a store that was only IAsyncDisposable
    }

    private RequestTestHost Host(TestData data, bool processAfterVerification)
    {
        var stores = OpenStores();
        return new RequestTestHost(data, configure: o => o.ProcessAfterVerification = processAfterVerification, store: stores.Requests, steps: stores.Steps, engines: stores.Engines, restrictions: stores.Restrictions, audit: stores.Audit);
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

public sealed class SqliteEngineTests : DurableEngineTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gosmart-engine-").FullName;

    private string ConnectionString => "Data Source=" + Path.Combine(_directory, "privacy.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override void UseStore(IPrivacyBuilder builder) => builder.UseSqlite(ConnectionString);

    protected override Stores OpenStores() => Stores.Over(new SqlitePrivacyDatabase(ConnectionString).Relational);

    protected override void ReleaseConnections() => SqliteConnection.ClearAllPools();
}

public sealed class PostgresEngineTests : DurableEngineTests, IAsyncLifetime
{
    private readonly List<PostgresPrivacyDatabase> _databases = [];
    private string? _connectionString;

    private string ConnectionString => _connectionString ??= PostgresServer.CreateDatabase();

    [SkippableFact]
    public async Task A_withdrawal_on_one_instance_counts_on_another_at_once_and_in_its_cache_soon_after()
    {
        var ada = new SubjectRef("acme", "ada");
        await using var crm = new ConsentTestHost(builder: UseStore);
        await using var chat = new ConsentTestHost(builder: UseStore);
        await crm.Consent.GrantAsync(new ConsentGrant(ada, ConsentTestHost.Email, ConsentMethod.Form, "crm.web"));
        Assert.True(chat.Consent.HasConsent(ada, ConsentTestHost.Email)); // chat caches the grant

        await crm.Consent.WithdrawAsync(ada, ConsentTestHost.Email, ConsentMethod.EmailLink, "unsubscribe-link");

        Assert.False(await chat.Consent.HasConsentAsync(ada, ConsentTestHost.Email)); // read-your-writes across instances
        await chat.Consent.GrantAsync(new ConsentGrant(ada, ConsentTestHost.Events, ConsentMethod.Form, "chat.app"));
        Assert.True(chat.Consent.HasConsent(ada, ConsentTestHost.Events));
        await crm.Consent.WithdrawAsync(ada, ConsentTestHost.Events, ConsentMethod.Api, "crm.app");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (chat.Consent.HasConsent(ada, ConsentTestHost.Events)) // the cached answer follows the notification
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance's cache never saw the withdrawal");
            await Task.Delay(20);
        }

        Assert.True((await chat.Consent.VerifyIntegrityAsync("acme")).IsIntact);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    protected override void UseStore(IPrivacyBuilder builder) => builder.UsePostgreSql(ConnectionString);

    protected override Stores OpenStores()
    {
        var database = new PostgresPrivacyDatabase(ConnectionString);
        _databases.Add(database);
        return Stores.Over(database.Relational);
    }
}
