using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Benchmarks;

/// <summary>Benchmarks are not timed in tests: this only proves the project builds and a BenchmarkDotNet dry run succeeds.</summary>
[Collection(DotnetCliCollection.Name)]
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task The_benchmarks_build_and_a_dry_run_succeeds()
    {
        var (exitCode, log) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["GOSMART_BENCH_EF_MESSAGES"] = "1000" },
            "run", "-c", "Release", "--project", "tests/GoSmart.Privacy.Benchmarks", "--", "--filter", "*", "--job", "dry");

        Assert.True(exitCode == 0, log);
        Assert.Contains("executed benchmarks: " + ExpectedBenchmarks, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Benchmarks with issues", log, StringComparison.Ordinal);
    }

    /// <summary>The export memory probe runs (with few messages) under a 64 MB managed heap: the package streams.</summary>
    [Fact]
    public async Task The_export_memory_probe_runs_under_a_64_MB_heap()
    {
        var log = await RunUnder64MbAsync("--export-memory", "50000", "zip");

        Assert.Contains("messages: 50,000", log, StringComparison.Ordinal);
        Assert.Contains("GC heap hard limit: 64 MB", log, StringComparison.Ordinal);
    }

    /// <summary>The EF Core memory probe erases (a few) messages through the generated handler under a 64 MB managed heap.</summary>
    [Fact]
    public async Task The_ef_core_erasure_probe_runs_under_a_64_MB_heap()
    {
        var log = await RunUnder64MbAsync("--ef-memory", "20000", "erase");

        Assert.Contains("erasure step efmessages.db/EfMessage: Completed, 40,000 values changed", log, StringComparison.Ordinal);
        Assert.Contains("GC heap hard limit: 64 MB", log, StringComparison.Ordinal);
    }

    /// <summary>Runs a probe of the benchmark project under a 64 MB managed heap, built first without the limit (the compiler would run under it too, and runs out of memory).</summary>
    private static async Task<string> RunUnder64MbAsync(params string[] probe)
    {
        var (built, buildLog) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(10), new Dictionary<string, string>(), "build", "-c", "Release", "tests/GoSmart.Privacy.Benchmarks");
        Assert.True(built == 0, buildLog);
        var (exitCode, log) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x4000000" },
            ["run", "--no-build", "-c", "Release", "--project", "tests/GoSmart.Privacy.Benchmarks", "--", .. probe]);
        Assert.True(exitCode == 0, log);
        return log;
    }

    private const int ExpectedBenchmarks = 32;
}
