using System.Diagnostics;
using GoSmart.Privacy;
using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Verification;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Throughput of the durable stores through the engine, one instance: consent writes per second, cached consent
/// checks per second, and erasure requests (two handlers) completed per minute. Run as
/// <c>-- --store-throughput sqlite</c> or <c>-- --store-throughput postgres "Host=…"</c>.
/// </summary>
public static class StoreThroughputProbe
{
    private const string Purpose = "marketing.communications.email";

    /// <summary>Erasure requests completed per minute by <paramref name="instances"/> engine instances (each its own container and pool) sharing one PostgreSQL database.</summary>
    public static async Task<int> RunInstancesAsync(int instances, string connectionString)
    {
        var providers = Enumerable.Range(0, instances).Select(_ =>
        {
            var services = new ServiceCollection();
            services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(new byte[32]))
                .AddErasureHandler<NoOpHandler.Crm>().AddErasureHandler<NoOpHandler.Chat>()
                .UseIdentityVerifier<AuthenticatedSubjectVerifier>()
                .UsePostgreSql(connectionString);
            return services.BuildServiceProvider();
        }).ToList();
        try
        {
            var engines = providers.Select(p => p.GetRequiredService<IPrivacyRequestService>()).ToList();
            await engines[0].SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("warmup", "w")));
            const int erasures = 300;
            var run = Guid.NewGuid().ToString("N")[..8];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(engines.Select((engine, n) => Task.Run(async () =>
            {
                for (var i = n; i < erasures; i += engines.Count)
                {
                    var request = await engine.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", run + "-" + i)));
                    if (request.IsOpen)
                    {
                        throw new InvalidOperationException($"Erasure {i} did not complete: {request.Status}.");
                    }
                }
            })));
            Console.WriteLine($"engine instances: {instances}");
            Console.WriteLine($"erasure requests completed per minute (two handlers): {erasures / clock.Elapsed.TotalMinutes:N0}");
            return 0;
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    public static async Task<int> RunAsync(string store, string? connectionString)
    {
        var directory = Directory.CreateTempSubdirectory("gosmart-throughput-").FullName;
        try
        {
            var services = new ServiceCollection();
            var builder = services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = Convert.ToBase64String(new byte[32]);
                o.Consent.Purposes.Add(new ConsentPurpose(Purpose, "Product news by e-mail.", LegalBasis.Consent));
            })
                .AddConsentLedger()
                .AddErasureHandler<NoOpHandler.Crm>()
                .AddErasureHandler<NoOpHandler.Chat>()
                .UseIdentityVerifier<AuthenticatedSubjectVerifier>();
            if (store == "sqlite")
            {
                builder.UseSqlite("Data Source=" + Path.Combine(directory, "privacy.db"));
            }
            else
            {
                builder.UsePostgreSql(connectionString ?? throw new ArgumentException("Pass the PostgreSQL connection string after 'postgres'."));
            }

            await using var provider = services.BuildServiceProvider();
            var consent = provider.GetRequiredService<IConsentService>();
            var requests = provider.GetRequiredService<IPrivacyRequestService>();
            await consent.GrantAsync(new ConsentGrant(new SubjectRef("warmup", "w"), Purpose, ConsentMethod.Form, "probe"));

            const int writes = 2_000;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < writes; i++)
            {
                await consent.GrantAsync(new ConsentGrant(new SubjectRef("acme", "s" + (i % 500)), Purpose, ConsentMethod.Form, "probe"));
            }

            var writeRate = writes / clock.Elapsed.TotalSeconds;

            clock.Restart();
            const int parallelWrites = 2_000;
            await Parallel.ForEachAsync(Enumerable.Range(0, parallelWrites), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
                await consent.GrantAsync(new ConsentGrant(new SubjectRef("acme", "p" + (i % 500)), Purpose, ConsentMethod.Form, "probe"), ct));
            var parallelRate = parallelWrites / clock.Elapsed.TotalSeconds;

            const int checks = 2_000_000;
            var subject = new SubjectRef("acme", "s42");
            consent.HasConsent(subject, Purpose);
            clock.Restart();
            var allowed = 0;
            for (var i = 0; i < checks; i++)
            {
                allowed += consent.HasConsent(subject, Purpose) ? 1 : 0;
            }

            var checkRate = checks / clock.Elapsed.TotalSeconds;

            const int erasures = 300;
            clock.Restart();
            for (var i = 0; i < erasures; i++)
            {
                var request = await requests.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", "e" + i)));
                if (request.IsOpen)
                {
                    throw new InvalidOperationException($"Erasure {i} did not complete: {request.Status}.");
                }
            }

            var erasureRate = erasures / clock.Elapsed.TotalMinutes;
            var integrity = await consent.VerifyIntegrityAsync("acme");
            Console.WriteLine($"store: {store}");
            Console.WriteLine($"consent writes per second (one writer): {writeRate:N0}");
            Console.WriteLine($"consent writes per second (four writers): {parallelRate:N0}");
            Console.WriteLine($"cached consent checks per second: {checkRate:N0} ({allowed:N0} allowed)");
            Console.WriteLine($"erasure requests completed per minute (two handlers): {erasureRate:N0}");
            Console.WriteLine($"consent chain intact after {integrity.EventsChecked:N0} events: {integrity.IsIntact}");
            return integrity.IsIntact ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>An erasure handler with nothing to erase: the probe measures the engine and the store.</summary>
    public abstract class NoOpHandler(string name) : IErasureHandler
    {
        public string Name => name;

        public IReadOnlyCollection<Type> Covers { get; } = [];

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        public sealed class Crm() : NoOpHandler("crm.contacts");

        public sealed class Chat() : NoOpHandler("chat.messages");
    }
}
