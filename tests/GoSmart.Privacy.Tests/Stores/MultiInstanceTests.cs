using System.Collections.Concurrent;
using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Tests.Infrastructure;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Stores;

/// <summary>
/// Several engine instances and several services on one PostgreSQL database: PostgreSQL is the coordinator. Steps
/// are claimed under leases, so each runs exactly once and never on two instances at once; a request submitted
/// through the CRM service completes when the Chat service has run its handler.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private readonly List<PostgresPrivacyDatabase> _databases = [];
    private readonly List<RequestTestHost> _hosts = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero));
    private string? _connectionString;

    private string ConnectionString => _connectionString ??= PostgresServer.CreateDatabase();

    [SkippableFact]
    public async Task Three_instances_run_every_step_of_hundreds_of_requests_exactly_once_and_never_at_once()
    {
        Recording.Reset();
        var instances = Enumerable.Range(0, 3).Select(_ => Host("crm", b => b.AddErasureHandler<Recording.Crm>().AddErasureHandler<Recording.Chat>())).ToList();
        var submitted = new ConcurrentBag<Guid>();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            var request = await instances[i % 3].Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "subject-" + i)));
            submitted.Add(request.Id);
        })));
        await Task.WhenAll(instances.Select(h => Task.Run(() => h.Service.ResumeAsync())).Concat(instances.Select(h => Task.Run(() => h.Service.ResumeAsync()))));

        Assert.Equal(300, submitted.Distinct().Count());
        foreach (var id in submitted)
        {
            Assert.False((await instances[0].Service.GetAsync(id))!.IsOpen);
            Assert.Equal(1, Recording.Runs.GetValueOrDefault((id, "crm.contacts")));
            Assert.Equal(1, Recording.Runs.GetValueOrDefault((id, "chat.messages")));
        }

        Assert.Equal(600, Recording.Runs.Values.Sum());
        Assert.False(Recording.Overlapped);
    }

    [SkippableFact]
    public async Task One_erasure_completes_across_the_CRM_and_Chat_services()
    {
        Recording.Reset();
        var crm = Host("crm", b => b.AddErasureHandler<Recording.Crm>());
        var chat = Host("chat", b => b.AddErasureHandler<Recording.Chat>());
        await chat.Service.ResumeAsync(); // the Chat service starts: it registers its handlers

        var request = await crm.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));

        Assert.Equal(PrivacyRequestStatus.InProgress, request.Status); // CRM ran its step; Chat's is waiting
        var waiting = await crm.Service.GetReportAsync(request.Id);
        Assert.Equal(StepState.Completed, waiting.Handlers.Single(h => h.Handler == "crm.contacts").State);
        Assert.Equal(StepState.Pending, waiting.Handlers.Single(h => h.Handler == "chat.messages").State);

        await chat.Service.ResumeAsync();

        var done = (await crm.Service.GetAsync(request.Id))!;
        Assert.False(done.IsOpen);
        Assert.Equal(1, Recording.Runs[(request.Id, "crm.contacts")]);
        Assert.Equal(1, Recording.Runs[(request.Id, "chat.messages")]);
    }

    [SkippableFact]
    public async Task A_handler_whose_service_has_gone_leaves_the_request_visibly_waiting_never_completed()
    {
        Recording.Reset();
        var crm = Host("crm", b => b.AddErasureHandler<Recording.Crm>());
        var chat = Host("chat", b => b.AddErasureHandler<Recording.Chat>());
        await chat.Service.ResumeAsync();
        _time.Advance(TimeSpan.FromMinutes(10)); // the Chat service stopped heartbeating

        var request = await crm.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));
        await crm.Service.ResumeAsync();
        var report = await crm.Service.GetReportAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.InProgress, (await crm.Service.GetAsync(request.Id))!.Status);
        var chatStep = report.Handlers.Single(h => h.Handler == "chat.messages");
        Assert.Equal(StepState.Pending, chatStep.State);
        Assert.Contains("no live engine instance hosts 'chat.messages' (service chat", chatStep.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_new_version_that_drops_a_handler_stops_requiring_it_and_a_retired_service_is_forgotten()
    {
        Recording.Reset();
        var oldCrm = Host("crm", b => b.AddErasureHandler<Recording.Crm>().AddErasureHandler<Recording.Chat>());
        await oldCrm.Service.ResumeAsync();
        var chat = Host("chat", b => b.AddErasureHandler<Recording.Chat>());
        await chat.Service.ResumeAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var newCrm = Host("crm", b => b.AddErasureHandler<Recording.Crm>()); // CRM's next version no longer hosts chat.messages
        await chat.Service.RetireServiceAsync("chat"); // and the Chat service was shut down for good

        var request = await newCrm.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));

        Assert.False(request.IsOpen);
        Assert.Equal(["crm.contacts"], (await newCrm.Service.GetReportAsync(request.Id)).Handlers.Select(h => h.Handler));
    }

    [SkippableFact]
    public async Task A_restriction_recorded_by_one_instance_reaches_the_others_cache_within_its_lifetime()
    {
        Recording.Reset();
        var crm = Host("crm", b => b.AddErasureHandler<Recording.Crm>());
        var chat = Host("chat", b => b.AddErasureHandler<Recording.Chat>());
        var ada = new SubjectRef("acme", "ada");
        Assert.False(chat.Restrictions.IsRestricted(ada)); // cached by the chat instance

        await crm.Service.SubmitAsync(new(PrivacyRequestKind.Restriction, ada));

        Assert.True(crm.Restrictions.IsRestricted(ada)); // this instance wrote it: at once
        Assert.False(chat.Restrictions.IsRestricted(ada)); // the other still answers from its cache ...
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(chat.Restrictions.IsRestricted(ada)); // ... until RestrictionCacheDuration has passed
    }

    [SkippableFact]
    public async Task A_step_held_by_a_crashed_instance_is_finished_by_another_once_its_lease_ends()
    {
        Recording.Reset();
        var survivor = Host("crm", b => b.AddErasureHandler<Recording.Crm>(), process: false);
        var request = await survivor.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));
        var store = new RelationalStepLedger(Track(new PostgresPrivacyDatabase(ConnectionString)).Relational);
        await store.EnsureStepsAsync(request.Id, ["crm.contacts"], _time.GetUtcNow(), default);
        Assert.NotNull(await store.TryClaimStepAsync(request.Id, "crm.contacts", "crashed-instance", _time.GetUtcNow(), _time.GetUtcNow().AddMinutes(2), default));

        await survivor.Service.ResumeAsync();
        Assert.Equal(PrivacyRequestStatus.InProgress, (await survivor.Service.GetAsync(request.Id))!.Status); // the lease still holds
        Assert.Empty(Recording.Runs);

        _time.Advance(TimeSpan.FromMinutes(3));
        await survivor.Service.ResumeAsync();

        Assert.False((await survivor.Service.GetAsync(request.Id))!.IsOpen);
        Assert.Equal(1, Recording.Runs[(request.Id, "crm.contacts")]);
        Assert.Equal(2, (await store.GetStepsAsync(request.Id, default)).Single().Attempts);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    private RequestTestHost Host(string service, Action<IPrivacyBuilder> handlers, bool process = true)
    {
        var stores = Stores.Over(Track(new PostgresPrivacyDatabase(ConnectionString)).Relational); // each instance its own connection pool
        var host = new RequestTestHost(
            configure: o =>
            {
                o.ServiceName = service;
                o.ProcessAfterVerification = process;
            },
            store: stores.Requests, steps: stores.Steps, engines: stores.Engines, restrictions: stores.Restrictions, audit: stores.Audit,
            registerHandlers: false, handlers: handlers, time: _time);
        _hosts.Add(host);
        return host;
    }

    private PostgresPrivacyDatabase Track(PostgresPrivacyDatabase database)
    {
        _databases.Add(database);
        return database;
    }

    /// <summary>Handlers that record each run per request and notice if one step ever runs twice at once.</summary>
    internal abstract class Recording(string name) : IErasureHandler
    {
        private static readonly ConcurrentDictionary<(Guid, string), int> Running = new();

        public static ConcurrentDictionary<(Guid Request, string Handler), int> Runs { get; private set; } = new();

        public static bool Overlapped { get; private set; }

        public string Name => name;

        public IReadOnlyCollection<Type> Covers { get; } = [];

        public static void Reset()
        {
            Runs = new();
            Overlapped = false;
        }

        public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
        {
            var key = (context.RequestId, Name);
            if (Running.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Overlapped = true;
            }

            Runs.AddOrUpdate(key, 1, (_, n) => n + 1);
            await Task.Yield();
            Running.AddOrUpdate(key, 0, (_, n) => n - 1);
        }

        internal sealed class Crm() : Recording("crm.contacts");

        internal sealed class Chat() : Recording("chat.messages");
    }
}
