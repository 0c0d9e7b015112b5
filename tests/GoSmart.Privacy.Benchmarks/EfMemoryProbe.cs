using System.Diagnostics;
using GoSmart.Privacy;
using GoSmart.Privacy.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Exports or erases a chat user's N messages through the EF Core handlers and the request engine, and reports the
/// process's peak memory: both must stay flat in the number of rows. Run as <c>-- --ef-memory 1000000 erase</c> (or
/// <c>export</c>), ideally under <c>DOTNET_GCHeapHardLimit=0x4000000</c> (a 64 MB managed heap).
/// </summary>
public static class EfMemoryProbe
{
    public static async Task<int> RunAsync(int messages, string mode)
    {
        var directory = Directory.CreateTempSubdirectory("gosmart-ef-probe-").FullName;
        try
        {
            var file = Path.Combine(directory, "chat.db");
            var seeding = Stopwatch.StartNew();
            await EfBenchData.CreateAsync<EfMessagesContext>(file, messages, o => new EfMessagesContext(o), "Messages");
            Console.WriteLine($"seeded {messages:N0} messages in {seeding.Elapsed.TotalSeconds:F1} s");

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContext<EfMessagesContext>(o => o.UseSqlite("Data Source=" + file));
            services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(new byte[32]))
                .UseIdentityVerifier<AuthenticatedSubjectVerifier>()
                .UseSqlite("Data Source=" + Path.Combine(directory, "privacy.db"))
                .AddEntityFrameworkCore<EfMessagesContext>(o => o.SingleTenant("acme"));
            await using var provider = services.BuildServiceProvider();
            var engine = provider.GetRequiredService<IPrivacyRequestService>();
            var subject = new SubjectRef("acme", EfBenchData.Ada.ToString());
            var clock = Stopwatch.StartNew();
            long bytes = 0;
            if (mode == "export")
            {
                var request = await engine.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Access, subject));
                await using var sink = new ExportMemoryProbe.CountingStream();
                await engine.WriteAccessPackageAsync(request.Id, sink, AccessPackageFormat.Json);
                bytes = sink.Length;
            }
            else
            {
                var request = await engine.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, subject));
                var step = (await engine.GetReportAsync(request.Id)).Handlers.Single();
                Console.WriteLine($"erasure step {step.Handler}: {step.State}, {step.Result!.Changed:N0} values changed");
            }

            clock.Stop();
            Console.WriteLine($"mode: {mode}");
            Console.WriteLine($"messages: {messages:N0}");
            if (bytes > 0)
            {
                Console.WriteLine($"package bytes: {bytes:N0}");
            }

            MemoryReport.Print(clock.Elapsed);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
