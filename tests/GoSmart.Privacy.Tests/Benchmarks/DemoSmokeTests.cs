using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.Benchmarks;

/// <summary>The README's first command — the main job — runs and shows plans, exports, erasure and requests.</summary>
[Collection(DotnetCliCollection.Name)]
public class DemoSmokeTests
{
    [Fact]
    public async Task The_main_job_runs_end_to_end()
    {
        var (exitCode, log) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(5), "run", "--project", "samples/GoSmart.Privacy.Demo");

        Assert.True(exitCode == 0, log);
        Assert.Contains("== CrmContact: plan (Generated)", log, StringComparison.Ordinal);
        Assert.Contains("-- access (Art. 15): verified, writing the package ... Completed", log, StringComparison.Ordinal);
        Assert.Contains("-- erasure (Art. 17): running every handler ... Incomplete: no handler covers GoSmart.Privacy.Demo.SupportTicket", log, StringComparison.Ordinal);
        Assert.Contains("-- the help desk's handler is deployed; the erasure is retried ... CompletedWithExemptions; ticket T-1001 now reads \"\"", log, StringComparison.Ordinal);
        Assert.Contains("consent.history  Completed: 0 changed", log, StringComparison.Ordinal);
        Assert.Contains("verifies: True; tampered verifies: False", log, StringComparison.Ordinal);
        Assert.Contains("the ledger's hash chain verifies: True", log, StringComparison.Ordinal);
        Assert.Contains("grace's message after Ada's erasure: text \"[user-1], the engine drawings are ready.\"; mentions [\"\", \"Charles Babbage\"]; reactions [👍 \"\", 🎉 \"Charles Babbage\"]", log, StringComparison.Ordinal);
        Assert.Contains("charles's message, which names Ada but holds no part of hers: \"I'll ask [user-1], she is on [user-1] or [user-1]. Grace is at grace@example.com.\"", log, StringComparison.Ordinal);
        Assert.Contains("== EF Core: the CRM sample's CrmDbContext", log, StringComparison.Ordinal);
        Assert.Contains("data/crm/Contact.json        1 record(s)", log, StringComparison.Ordinal);
        Assert.Contains("-- erasure (Art. 17): CompletedWithExemptions", log, StringComparison.Ordinal);
        Assert.Contains("crm/Contact      Completed: 6 changed, 3 retained, 0 removed", log, StringComparison.Ordinal);
        Assert.Contains("identity/users   Completed: 8 changed, 0 retained, 1 removed", log, StringComparison.Ordinal);
        Assert.Contains("logins 0, locked until 9999", log, StringComparison.Ordinal);
        Assert.Contains("Everything this run wrote is in", log, StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(Repository.Path("privacy-out"), "access-*.zip").Length == 2, "the access packages were not written to ./privacy-out");
    }
}
