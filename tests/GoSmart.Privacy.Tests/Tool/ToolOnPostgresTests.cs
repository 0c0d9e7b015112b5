using System.Text.Json;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GoSmart.Privacy.Tests.Tool;

/// <summary>The tool reads a PostgreSQL store by its connection string as it reads SQLite: requests, the ledger, holds; a newer schema is refused.</summary>
public sealed class ToolOnPostgresTests
{
    [SkippableFact]
    public async Task The_tool_lists_requests_verifies_the_ledger_and_lists_holds_of_a_postgres_store_and_refuses_a_newer_schema()
    {
        var connection = PostgresServer.CreateDatabase();
        var key = Convert.ToBase64String(TestKeys.Key);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = key;
            o.Consent.Purposes.Add(new ConsentPurpose("privacy.test", "A test purpose.", LegalBasis.Consent));
        }).AddConsentLedger().UsePostgreSql(connection);
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IPrivacyRequestService>().SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Access, new SubjectRef("acme", "ada")));
            await provider.GetRequiredService<IConsentService>().GrantAsync(new ConsentGrant(new SubjectRef("acme", "ada"), "privacy.test", ConsentMethod.Form, "test"));
            await provider.GetRequiredService<ILegalHolds>().PlaceAsync(new LegalHoldPlacement(LegalHoldScope.Subject, "ada", "litigation", "counsel@acme") { TenantId = "acme", Reference = "CASE-7" });
        }

        var requests = JsonDocument.Parse((await Tool(0, key, "requests", "list", "--json", "-c", connection)).Out).RootElement;
        Assert.Equal(("access", "acme"), (requests[0].GetProperty("kind").GetString(), requests[0].GetProperty("tenantId").GetString()));
        Assert.Contains("intact", (await Tool(0, key, "verify", "ledger", "-t", "acme", "-c", connection)).Out, StringComparison.Ordinal);
        Assert.Contains("CASE-7", (await Tool(0, key, "holds", "list", "-c", connection)).Out, StringComparison.Ordinal);

        await using (var data = NpgsqlDataSource.Create(connection))
        {
            await using var command = data.CreateCommand("UPDATE gosmart_schema SET version = 99");
            await command.ExecuteNonQueryAsync();
        }

        var newer = await Tool(5, key, "requests", "list", "-c", connection);
        Assert.Contains("schema version 99", newer.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", newer.Err, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(string Out, string Err)> Tool(int expectedExit, string key, params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // Debug or Release, as the tests were built
        var tool = Repository.Path("src", "GoSmart.Privacy.Tool", "bin", configuration, "net10.0", "GoSmart.Privacy.Tool.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GOSMART_PRIVACY_PSEUDONYM_KEY"] = key;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = (await output, await error);
        Assert.True(process.ExitCode == expectedExit, $"gosmart-privacy {string.Join(' ', arguments)} exited {process.ExitCode}, expected {expectedExit}\n{result.Item1}\n{result.Item2}");
        return result;
    }
}
