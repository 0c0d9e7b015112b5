using BenchmarkDotNet.Attributes;
using GoSmart.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// The SQLite stores under BenchmarkDotNet, so that a store change is compared with warm-up, many iterations and
/// statistics rather than one timed loop: a consent grant (one write transaction on the ledger) and a whole erasure
/// request through two no-op handlers (about 25 store writes: request versions, steps, leases, audit).
/// </summary>
[MemoryDiagnoser]
public class SqliteStoreBenchmarks
{
    private const string Purpose = "marketing.communications.email";
    private string _directory = null!;
    private ServiceProvider _provider = null!;
    private IConsentService _consent = null!;
    private IPrivacyRequestService _requests = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _directory = Directory.CreateTempSubdirectory("gosmart-bench-").FullName;
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = Convert.ToBase64String(new byte[32]);
                o.Consent.Purposes.Add(new ConsentPurpose(Purpose, "Product news by e-mail.", LegalBasis.Consent));
            })
            .AddConsentLedger()
            .AddErasureHandler<StoreThroughputProbe.NoOpHandler.Crm>()
            .AddErasureHandler<StoreThroughputProbe.NoOpHandler.Chat>()
            .UseIdentityVerifier<GoSmart.Privacy.Verification.AuthenticatedSubjectVerifier>()
            .UseSqlite("Data Source=" + Path.Combine(_directory, "privacy.db"));
        _provider = services.BuildServiceProvider();
        _consent = _provider.GetRequiredService<IConsentService>();
        _requests = _provider.GetRequiredService<IPrivacyRequestService>();
        await _consent.GrantAsync(new ConsentGrant(new SubjectRef("warmup", "w"), Purpose, ConsentMethod.Form, "bench"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<ConsentEvent> ConsentGrant() =>
        _consent.GrantAsync(new ConsentGrant(new SubjectRef("acme", "s" + (_next++ % 500)), Purpose, ConsentMethod.Form, "bench"));

    [Benchmark]
    public Task<PrivacyRequest> ErasureRequest() =>
        _requests.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", "e" + _next++)));
}
