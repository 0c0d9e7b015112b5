using BenchmarkDotNet.Attributes;
using GoSmart.Privacy;
using GoSmart.Privacy.EntityFrameworkCore;
using GoSmart.Privacy.Verification;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Erasing a chat user's N messages on SQLite: the EF Core handler generated from the model, run by the request engine
/// (batches of 500, progress recorded after each), against a hand-written batch loop doing the same work; and, on
/// notes whose members all erase to a constant, the set-based <c>ExecuteUpdate</c> path against the tracked path.
/// Every iteration starts from a fresh copy of the same database, so each must be one invocation: run with
/// <c>--filter *EfErasure* --strategy Monitoring --launchCount 1 --warmupCount 1 --iterationCount 5 --invocationCount 1 --unrollFactor 1</c>
/// (a job attribute would add a second job to the smoke test's dry run).
/// </summary>
[MemoryDiagnoser]
public class EfErasureBenchmarks
{
    private string _directory = null!;
    private string _messagesTemplate = null!;
    private string _notesTemplate = null!;
    private string _work = null!;
    private ServiceProvider? _provider;

    /// <summary>Gets the sizes run: 100,000 messages, or <c>GOSMART_BENCH_EF_MESSAGES</c> (the smoke test's dry run uses a few).</summary>
    public static IEnumerable<int> Sizes =>
        [int.TryParse(Environment.GetEnvironmentVariable("GOSMART_BENCH_EF_MESSAGES"), System.Globalization.CultureInfo.InvariantCulture, out var few) ? few : 100_000];

    [ParamsSource(nameof(Sizes))]
    public int Messages { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _directory = Directory.CreateTempSubdirectory("gosmart-ef-bench-").FullName;
        _messagesTemplate = Path.Combine(_directory, "messages-template.db");
        _notesTemplate = Path.Combine(_directory, "notes-template.db");
        await EfBenchData.CreateAsync<EfMessagesContext>(_messagesTemplate, Messages, o => new EfMessagesContext(o), "Messages");
        await EfBenchData.CreateAsync<EfNotesContext>(_notesTemplate, Messages, o => new EfNotesContext(o), "Notes");
        FreshMessages(); // BenchmarkDotNet's jitting call (a dry run's) comes before any iteration setup
    }

    [IterationSetup(Targets = [nameof(HandWrittenBatchLoop), nameof(GeneratedHandler)])]
    public void FreshMessages() => Fresh(_messagesTemplate, o => o.AddEntityFrameworkCore<EfMessagesContext>(e => e.SingleTenant("acme")), s => s.AddDbContext<EfMessagesContext>(Use));

    [IterationSetup(Target = nameof(SetBased))]
    public void FreshNotesSetBased() => Fresh(_notesTemplate, o => o.AddEntityFrameworkCore<EfNotesContext>(e => e.SingleTenant("acme")), s => s.AddDbContext<EfNotesContext>(Use));

    [IterationSetup(Target = nameof(Tracked))]
    public void FreshNotesTracked() => Fresh(_notesTemplate, o => o.AddEntityFrameworkCore<EfNotesContext>(e => e.SingleTenant("acme").Entity<EfNote>(n => n.EraseBy(EntityErasureMode.AnonymiseTracked))), s => s.AddDbContext<EfNotesContext>(Use));

    [IterationCleanup]
    public void Cleanup()
    {
        _provider?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [GlobalCleanup]
    public void Teardown() => Directory.Delete(_directory, recursive: true);

    /// <summary>What a host would write by hand: key-ordered batches of 500, the plan applied to each row, one transaction per batch.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenBatchLoop()
    {
        var plan = PersonalDataPlans.For<EfMessage>();
        var redaction = new RedactionContext(new byte[32]);
        var report = new RedactionReport(plan);
        await using var db = new EfMessagesContext(new DbContextOptionsBuilder<EfMessagesContext>().UseSqlite("Data Source=" + _work).Options);
        long last = 0;
        var changed = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var batch = await db.Messages.Where(m => m.TenantId == "acme" && m.AuthorId == EfBenchData.Ada && m.Id > last).OrderBy(m => m.Id).Take(500).ToListAsync();
            if (batch.Count == 0)
            {
                return changed;
            }

            foreach (var message in batch)
            {
                var row = message;
                plan.Redact(ref row, redaction, report);
                changed += report.ChangedCount;
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            last = batch[^1].Id;
        }
    }

    /// <summary>The generated handler, through the request engine and its SQLite stores.</summary>
    [Benchmark]
    public Task<PrivacyRequest> GeneratedHandler() => EraseAsync();

    /// <summary>Notes erased by one <c>ExecuteUpdate</c>.</summary>
    [Benchmark]
    public Task<PrivacyRequest> SetBased() => EraseAsync();

    /// <summary>The same notes erased through the change tracker in batches.</summary>
    [Benchmark]
    public Task<PrivacyRequest> Tracked() => EraseAsync();

    private Task<PrivacyRequest> EraseAsync() =>
        _provider!.GetRequiredService<IPrivacyRequestService>().SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", EfBenchData.Ada.ToString())));

    private void Use(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=" + _work);

    private void Fresh(string template, Action<IPrivacyBuilder> handlers, Action<IServiceCollection> context)
    {
        _provider?.Dispose();
        _work = Path.Combine(_directory, $"work-{Guid.NewGuid():N}.db");
        File.Copy(template, _work);
        var services = new ServiceCollection();
        services.AddLogging();
        context(services);
        var builder = services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(new byte[32]))
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>()
            .UseSqlite("Data Source=" + Path.Combine(_directory, $"privacy-{Guid.NewGuid():N}.db"));
        handlers(builder);
        _provider = services.BuildServiceProvider();
    }
}
