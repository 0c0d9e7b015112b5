using System.IO.Compression;
using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Packaging;

/// <summary>
/// What a real consumer does: pack the SDK into a local folder, create a fresh console app in a temporary
/// directory that references the packed package (not the project), build it with warnings as errors, run it,
/// and check that its plan was generated at compile time and exports and redacts correctly.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class PackAndConsumeTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("gosmart-pack-");
    private readonly string _version = "0.0.0-packtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_console_app_referencing_the_packed_package_gets_a_generated_plan()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work.FullName, "feed")).FullName;
        await Dotnet(Repository.Root, "pack", "src/GoSmart.Privacy/GoSmart.Privacy.csproj", "-c", "Release", "-o", feed, "-p:Version=" + _version);
        await Dotnet(Repository.Root, "pack", "src/GoSmart.Privacy.Abstractions/GoSmart.Privacy.Abstractions.csproj", "-c", "Release", "--no-build", "-o", feed, "-p:Version=" + _version);

        using (var package = ZipFile.OpenRead(Path.Combine(feed, $"GoSmart.Privacy.{_version}.nupkg")))
        {
            Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/GoSmart.Privacy.Generators.dll");
        }

        var app = Directory.CreateDirectory(Path.Combine(_work.FullName, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="gosmart-packtest" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GoSmart.Privacy" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Text;
            using System.Text.Json;
            using GoSmart.Privacy;

            var plan = PersonalDataPlan.For<Customer>();
            var customer = new Customer { Id = new Guid("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21"), Name = "Ada", Email = "ada@example.com", Card = "4242424242424242" };
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                plan.WriteJson(writer, customer);
            }

            var report = plan.Redact(customer, new RedactionContext(new byte[32]));
            Console.WriteLine("source=" + plan.Source);
            Console.WriteLine("json=" + Encoding.UTF8.GetString(stream.ToArray()));
            Console.WriteLine("redacted=" + customer.Name + "|" + customer.Email + "|" + customer.Card + "|" + report.ChangedCount);

            public sealed class Customer
            {
                [DataSubjectId] public Guid Id { get; set; }
                [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";
                [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; init; }
                [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)] public string? Card { get; set; }
            }
            """);

        var log = await Dotnet(app, "run", "-c", "Release");

        Assert.Contains("source=Generated", log, StringComparison.Ordinal);
        Assert.Contains("""json={"id":"5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21","name":"Ada","email":"ada@example.com","card":"4242424242424242"}""", log, StringComparison.Ordinal);
        Assert.Matches(@"redacted=\|hmac:[A-Za-z0-9_-]{43}\|\*{12}4242\|3", log);
    }

    public void Dispose()
    {
        _work.Delete(recursive: true);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "gosmart.privacy", "gosmart.privacy.abstractions" })
        {
            var restored = new DirectoryInfo(Path.Combine(packages, id, _version));
            if (restored.Exists)
            {
                restored.Delete(recursive: true);
            }
        }
    }

    private static async Task<string> Dotnet(string directory, params string[] arguments)
    {
        var (exitCode, log) = await DotnetCli.RunAsync(directory, TimeSpan.FromMinutes(8), arguments);
        Assert.True(exitCode == 0, log);
        return log;
    }
}
