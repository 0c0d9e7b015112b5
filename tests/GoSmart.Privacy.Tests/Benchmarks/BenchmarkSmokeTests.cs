using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Benchmarks;

/// <summary>Benchmarks are not timed in tests: this only proves the project builds and a BenchmarkDotNet dry run succeeds.</summary>
[Collection(DotnetCliCollection.Name)]
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_benchmarks_build_and_a_dry_run_succeeds()
    {
        var (exitCode, log) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(10),
            "run", "-c", "Release", "--project", "tests/GoSmart.Privacy.Benchmarks", "--", "--filter", "*", "--job", "dry");

        Assert.True(exitCode == 0, log);
        Assert.Contains("executed benchmarks: " + ExpectedBenchmarks, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Benchmarks with issues", log, StringComparison.Ordinal);
    }

    private const int ExpectedBenchmarks = 14;
}
