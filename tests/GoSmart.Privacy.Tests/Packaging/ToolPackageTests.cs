using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Packaging;

/// <summary>
/// The <c>gosmart-privacy</c> tool as a user gets it: packed as a tool package into a local feed, installed from it with
/// <c>dotnet tool install</c>, and run — every command — against the databases the main job wrote; bad input gets one
/// line on stderr and its documented exit code.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("gosmart-tool-");
    private readonly string _version = "0.1.0-tooltest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
    private readonly Dictionary<string, string> _environment = new() { ["GOSMART_PRIVACY_PSEUDONYM_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    [Fact]
    public async Task The_installed_tool_runs_every_command_against_the_main_jobs_databases()
    {
        var work = _work.FullName;
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        await Dotnet(Repository.Root, "pack", "src/GoSmart.Privacy.Tool", "-c", "Release", "-o", feed, "-p:Version=" + _version);
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="gosmart-tooltest" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await Dotnet(work, "tool", "install", "GoSmart.Privacy.Tool", "--tool-path", Path.Combine(work, "tools"), "--version", _version);
        await Dotnet(work, "run", "--project", Repository.Path("samples", "GoSmart.Privacy.Demo")); // the main job, writing ./privacy-out here
        var demo = Repository.Path("samples", "GoSmart.Privacy.Demo", "bin", "Debug", "net10.0", "GoSmart.Privacy.Demo.dll");
        const string Privacy = "Data Source=privacy-out/privacy.db";
        const string Community = "Data Source=privacy-out/community-privacy.db";

        var plans = await Tool(0, "plans", demo);
        Assert.Contains("GoSmart.Privacy.Demo.CrmContact (Generated, subject id Id)", plans.Out, StringComparison.Ordinal);
        Assert.Contains("tagged type(s) in GoSmart.Privacy.Demo", plans.Out, StringComparison.Ordinal);
        var plansJson = JsonDocument.Parse((await Tool(0, "plans", demo, "--json")).Out);
        Assert.Contains(plansJson.RootElement.EnumerateArray(), p => p.GetProperty("type").GetString() == "GoSmart.Privacy.Demo.SupportTicket");

        await Tool(0, "records", "--assembly", demo, "--design-time", "DemoDesignTimeServices", "--format", "all", "--out", "records");
        foreach (var file in new[] { "records.json", "records.md", "records.html", "fides-dataset.yml" })
        {
            Assert.True(File.Exists(Path.Combine(work, "records", file)), file);
        }

        Assert.Contains("Keep evidence of your consent choices", File.ReadAllText(Path.Combine(work, "records", "records.md")), StringComparison.Ordinal);
        await Tool(0, "records", "--assembly", demo, "--design-time", "DemoDesignTimeServices", "--compare", Path.Combine(work, "privacy-out", "records-of-processing.json"), "--fail-on-gaps");

        var requests = JsonDocument.Parse((await Tool(0, "requests", "list", "--json", "-c", Privacy)).Out).RootElement;
        Assert.Equal(2, requests.GetArrayLength()); // the access and the erasure request
        Assert.Contains(requests.EnumerateArray(), r => r.GetProperty("kind").GetString() == "erasure" && r.GetProperty("status").GetString() == "completedWithExemptions");
        Assert.Equal(0, JsonDocument.Parse((await Tool(0, "requests", "list", "--overdue", "--json", "-c", Privacy)).Out).RootElement.GetArrayLength());
        var erasure = requests.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "erasure").GetProperty("id").GetString()!;
        var shown = await Tool(0, "requests", "show", erasure, "-c", Privacy);
        Assert.Contains("support.tickets", shown.Out, StringComparison.Ordinal);
        Assert.Contains("CompletedWithExemptions", shown.Out, StringComparison.Ordinal);

        Assert.Contains("intact", (await Tool(0, "verify", "ledger", "-t", "acme", "-c", Privacy)).Out, StringComparison.Ordinal);
        var certificate = Directory.GetFiles(Path.Combine(work, "privacy-out"), "erasure-certificate-*.json").Single();
        Assert.StartsWith("valid:", (await Tool(0, "verify", "certificate", certificate)).Out, StringComparison.Ordinal);
        var forged = Path.Combine(work, "forged.json");
        File.WriteAllText(forged, File.ReadAllText(certificate).Replace("\"changed\": 0", "\"changed\": 1", StringComparison.Ordinal));
        Assert.StartsWith("INVALID", (await Tool(1, "verify", "certificate", forged)).Out, StringComparison.Ordinal);

        var dryRun = await Tool(0, "retention", "dry-run", "-a", demo, "--design-time", "CommunityDesignTimeServices", "-c", Community);
        Assert.Contains("community-posts", dryRun.Out, StringComparison.Ordinal);
        var holds = await Tool(0, "holds", "list", "--all", "-c", Community);
        Assert.Contains("CASE-2026-114", holds.Out, StringComparison.Ordinal);
        Assert.Contains("1 active hold(s) of 2 listed", holds.Out, StringComparison.Ordinal);
        var replay = JsonDocument.Parse((await Tool(0, "replay", "--since", "2000-01-01T00:00:00Z", "--json", "-c", Community)).Out).RootElement;
        Assert.True(replay.GetArrayLength() >= 1);

        // The build-time switch: a build writes the records; a material notice change without a new version fails the
        // next build and leaves the committed records as they were.
        var built = Path.Combine(work, "built-records");
        string[] switchOn = ["build", Repository.Path("samples", "GoSmart.Privacy.Demo"), "-p:GoSmartPrivacyRecords=true", "-p:GoSmartPrivacyToolCommand=" + Path.Combine(work, "tools", "gosmart-privacy"), "-p:GoSmartPrivacyDesignTime=DemoDesignTimeServices", "-p:GoSmartPrivacyRecordsDirectory=" + built];
        await Dotnet(work, switchOn);
        var committed = File.ReadAllText(Path.Combine(built, "records.json"));
        var fingerprint = JsonDocument.Parse(committed).RootElement.GetProperty("controllers")[0].GetProperty("activities")[0].GetProperty("noticeFingerprint").GetString()!;
        File.WriteAllText(Path.Combine(built, "records.json"), committed.Replace(fingerprint, new string('0', fingerprint.Length), StringComparison.Ordinal)); // as if the purpose changed since
        var (failedExit, failedLog) = await DotnetCli.RunAsync(work, TimeSpan.FromMinutes(10), _environment, switchOn);
        Assert.NotEqual(0, failedExit);
        Assert.Contains("changed materially", failedLog, StringComparison.Ordinal);
        Assert.Contains(new string('0', fingerprint.Length), File.ReadAllText(Path.Combine(built, "records.json")), StringComparison.Ordinal);

        // Bad input: one line on stderr naming the problem and the fix, the documented exit code, no stack trace.
        File.Copy(Path.Combine(work, "privacy-out", "privacy.db"), Path.Combine(work, "newer.db"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(work, "newer.db") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE gosmart_schema SET version = 99";
            await command.ExecuteNonQueryAsync();
        }

        OneLine(await Tool(5, "requests", "list", "-c", "Data Source=newer.db"), "schema version 99, newer than this tool's");
        OneLine(await Tool(3, "plans", Path.Combine(work, "nuget.config")), "is not a .NET assembly");
        OneLine(await Tool(3, "plans", "missing.dll"), "Build the host first");
        File.WriteAllText(Path.Combine(work, "broken.json"), "{\"requestId\": ");
        OneLine(await Tool(6, "verify", "certificate", "broken.json"), "is not an erasure certificate");
        OneLine(await Tool(4, "holds", "list", "-c", "Host=127.0.0.1;Port=1;Database=privacy;Username=privacy;Password=secret;Timeout=3"), "did not answer");
        OneLine(await Tool(4, "holds", "list", "-c", "Data Source=nowhere.db"), "the tool never creates a store");
        OneLine(await Tool(2, "requests", "list", "--status", "sideways", "-c", Privacy), "sideways");
        Assert.Contains("System.", (await Tool(5, "requests", "list", "-c", "Data Source=newer.db", "--verbose")).Err, StringComparison.Ordinal); // --verbose shows the trace
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static void OneLine((string Out, string Err) result, string expected)
    {
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Err, StringComparison.Ordinal);
        Assert.True(lines.Length <= 2, result.Err); // the problem, and for a usage error the pointer to --help
    }

    private async Task Dotnet(string directory, params string[] arguments)
    {
        var (exitCode, log) = await DotnetCli.RunAsync(directory, TimeSpan.FromMinutes(10), _environment, arguments);
        Assert.True(exitCode == 0, log);
    }

    private async Task<(string Out, string Err)> Tool(int expectedExit, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(_work.FullName, "tools", "gosmart-privacy"))
        {
            WorkingDirectory = _work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        var result = (await output, await error);
        Assert.True(process.ExitCode == expectedExit, $"gosmart-privacy {string.Join(' ', arguments)} exited {process.ExitCode}, expected {expectedExit}\n{result.Item1}\n{result.Item2}");
        return result;
    }
}
