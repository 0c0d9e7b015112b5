using System.Diagnostics;

namespace GoSmart.Privacy.Tests.Benchmarks;

/// <summary>Benchmarks are not timed in tests: this only proves the project builds and a BenchmarkDotNet dry run succeeds.</summary>
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_benchmarks_build_and_a_dry_run_succeeds()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "-c", "Release", "--project", "tests/GoSmart.Privacy.Benchmarks", "--", "--filter", "*", "--job", "dry" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var log = await output + await error;

        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("executed benchmarks: 6", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Benchmarks with issues", log, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoSmart.Privacy.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GoSmart.Privacy.Sdk.sln was not found above " + AppContext.BaseDirectory);
    }
}
