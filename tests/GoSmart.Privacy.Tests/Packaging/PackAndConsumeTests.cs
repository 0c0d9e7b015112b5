using System.IO.Compression;
using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Packaging;

/// <summary>
/// What a real consumer does: pack the whole solution into a local folder, create a fresh web app in a temporary
/// directory that references all six packed packages (not the projects), build it with warnings as errors, run
/// it on SQLite, and check that its plan was generated at compile time, that an erasure request ran through the
/// packaged engine, store and EF Core handlers generated from its DbContext, and that the packaged endpoints answer.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class PackAndConsumeTests : IDisposable
{
    private static readonly string[] Packages = ["GoSmart.Privacy.Abstractions", "GoSmart.Privacy", "GoSmart.Privacy.Sqlite", "GoSmart.Privacy.PostgreSql", "GoSmart.Privacy.AspNetCore", "GoSmart.Privacy.EntityFrameworkCore", "GoSmart.Privacy.Text"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("gosmart-pack-");
    private readonly string _version = "0.0.0-packtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_web_app_referencing_all_seven_packed_packages_builds_and_runs_on_sqlite()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work.FullName, "feed")).FullName;
        await Dotnet(Repository.Root, "pack", "GoSmart.Privacy.Sdk.sln", "-c", "Release", "-o", feed, "-p:Version=" + _version);

        foreach (var id in Packages)
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{_version}.nupkg"));
            Assert.Contains(package.Entries, e => e.FullName == "README.md");
            var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(feed, $"{id}.{_version}.snupkg")), $"{id} has no symbols package");
            if (id == "GoSmart.Privacy")
            {
                Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/GoSmart.Privacy.Generators.dll");
                Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/GoSmart.Privacy.CodeFixes.dll");
                Assert.Contains(package.Entries, e => e.FullName == "build/GoSmart.Privacy.targets"); // the build-time records switch
                Assert.Contains(package.Entries, e => e.FullName == "buildTransitive/GoSmart.Privacy.targets");
            }
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(feed, $"GoSmart.Privacy.Tool.{_version}.nupkg")))
        {
            Assert.Contains(tool.Entries, e => e.FullName == "tools/net10.0/any/DotnetToolSettings.xml"); // a dotnet tool package; ToolPackageTests installs and runs it
        }

        Assert.Equal(Packages.Length + 1, Directory.GetFiles(feed, "*.nupkg").Length);

        var app = Directory.CreateDirectory(Path.Combine(_work.FullName, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="gosmart-packtest" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var references = string.Concat(Packages.Select(id => $"""<PackageReference Include="{id}" Version="{_version}" />""")) + """<PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />""";
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>{references}</ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);

        var log = await Dotnet(app, "run", "-c", "Release", "--", Path.Combine(app, "privacy.db"));

        Assert.Contains("source=Generated", log, StringComparison.Ordinal);
        Assert.Contains("""json={"id":"5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21","name":"Ada","email":"ada@example.com","card":"4242424242424242"}""", log, StringComparison.Ordinal);
        Assert.Contains("erasure=Completed changed=3", log, StringComparison.Ordinal);
        Assert.Matches(@"stored=\|hmac:[A-Za-z0-9_-]{43}\|\*{12}4242", log);
        Assert.Contains("requests-in-sqlite=1", log, StringComparison.Ordinal);
        Assert.Contains("anonymous GET /privacy/me/requests=401", log, StringComparison.Ordinal);
        Assert.Contains("center=True", log, StringComparison.Ordinal); // the privacy center and its French texts, from the package
        Assert.Contains("center-css=200", log, StringComparison.Ordinal); // the stylesheet travels inside the assembly
        Assert.Contains("postgres-store=PostgresPrivacyDatabase", log, StringComparison.Ordinal);
        Assert.Contains("scan=Phone,Health", log, StringComparison.Ordinal);
    }

    private const string ConsumerProgram = """
        using System.Text;
        using System.Text.Json;
        using GoSmart.Privacy;
        using GoSmart.Privacy.PostgreSql;
        using GoSmart.Privacy.Verification;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        var database = args[0];
        var customers = new List<Customer> { new() { Id = new Guid("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21"), TenantId = "acme", Name = "Ada", Email = "ada@example.com", Card = "4242424242424242" } };
        var crm = "Data Source=" + database + ".crm";
        await using (var seed = new CustomerDb(new DbContextOptionsBuilder<CustomerDb>().UseSqlite(crm).Options))
        {
            await seed.Database.EnsureCreatedAsync();
            seed.Customers.AddRange(customers);
            await seed.SaveChangesAsync();
        }

        var plan = PersonalDataPlans.For<Customer>();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            plan.WriteJson(writer, customers[0]);
        }

        Console.WriteLine("source=" + plan.Source);
        Console.WriteLine("json=" + Encoding.UTF8.GetString(stream.ToArray()));

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<CustomerDb>(o => o.UseSqlite(crm));
        builder.Services.AddAuthentication("cookie").AddCookie("cookie", o => o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; });
        builder.Services.AddAuthorization();
        builder.Services.AddGoSmartPrivacy(o => { o.PseudonymKey = Convert.ToBase64String(new byte[32]); o.ServiceName = "consumer"; })
            .AddConsentLedger()
            .UseSqlite("Data Source=" + database)
            .AddEntityFrameworkCore<CustomerDb>(o => { o.Name = "consumer"; o.TenantProperty = "TenantId"; })
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>()
            .AddTextScanner()
            .AddPrivacyCenter(o => o.Title = "Consumer privacy center");
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapPrivacyCenter();
        await app.StartAsync();

        var requests = app.Services.GetRequiredService<IPrivacyRequestService>();
        var erasure = await requests.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", customers[0].Id.ToString())));
        var report = await requests.GetReportAsync(erasure.Id);
        var handler = report.Handlers.Single(h => h.Handler == "consumer/Customer");
        Console.WriteLine($"erasure={erasure.Status} changed={handler.Result!.Changed}");
        await using (var check = new CustomerDb(new DbContextOptionsBuilder<CustomerDb>().UseSqlite(crm).Options))
        {
            var stored = await check.Customers.SingleAsync();
            Console.WriteLine("stored=" + stored.Name + "|" + stored.Email + "|" + stored.Card);
        }

        using (var connection = new SqliteConnection("Data Source=" + database))
        {
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM privacy_requests";
            Console.WriteLine("requests-in-sqlite=" + count.ExecuteScalar());
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Console.WriteLine("anonymous GET /privacy/me/requests=" + (int)(await http.GetAsync("/privacy/me/requests")).StatusCode);
        var notice = await http.GetStringAsync("/privacy/center/notice?lang=fr");
        Console.WriteLine("center=" + (notice.Contains("Consumer privacy center", StringComparison.Ordinal) && notice.Contains("Comment nous utilisons vos données", StringComparison.Ordinal)));
        Console.WriteLine("center-css=" + (int)(await http.GetAsync("/privacy/center/assets/privacy-center.css")).StatusCode);
        Console.WriteLine("postgres-store=" + typeof(PostgresPrivacyDatabase).Name);
        var scan = app.Services.GetRequiredService<GoSmart.Privacy.Text.IPersonalDataScanner>().Scan("call me on +44 20 7946 0018, I'm on chemo this week");
        Console.WriteLine("scan=" + string.Join(",", scan.Select(f => f.Category?.ToString() ?? f.Type.ToString())));
        await app.StopAsync();

        public sealed class Customer
        {
            [DataSubjectId] public Guid Id { get; set; }
            [NotPersonalData] public string TenantId { get; set; } = "";
            [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";
            [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; init; }
            [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)] public string? Card { get; set; }
        }

        public sealed class CustomerDb(DbContextOptions<CustomerDb> options) : DbContext(options)
        {
            public DbSet<Customer> Customers => Set<Customer>();
        }
        """;

    public void Dispose()
    {
        _work.Delete(recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in Packages)
        {
            var restored = new DirectoryInfo(Path.Combine(packages, id.ToLowerInvariant(), _version));
            if (restored.Exists)
            {
                restored.Delete(recursive: true);
            }
        }
    }

    private static async Task<string> Dotnet(string directory, params string[] arguments)
    {
        var (exitCode, log) = await DotnetCli.RunAsync(directory, TimeSpan.FromMinutes(12), arguments);
        Assert.True(exitCode == 0, log);
        return log;
    }
}
