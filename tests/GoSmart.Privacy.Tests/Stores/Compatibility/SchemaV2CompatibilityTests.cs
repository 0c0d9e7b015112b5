using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Sqlite;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GoSmart.Privacy.Tests.Stores.Compatibility;

/// <summary>
/// Databases written by the code before the relational stores (commit fd990dd, schema v2; see <c>v2/README.md</c>)
/// open with today's code, which reads back every request, step, audit event, engine, restriction, objection and
/// consent exactly as that code read them, verifies each tenant's consent chain, and keeps writing to them.
/// </summary>
public sealed class SchemaV2CompatibilityTests
{
    /// <summary>The key the fixtures were written with (the pseudonym key of their consent chains and audit hashes).</summary>
    private static readonly ConsentChain Chain = new(System.Security.Cryptography.SHA256.HashData("gosmart.privacy compatibility fixture v2"u8));

    private static string Fixture(string name) => Repository.Path("tests", "GoSmart.Privacy.Tests", "Stores", "Compatibility", "v2", name);

    [Fact]
    public async Task A_sqlite_file_written_by_the_previous_stores_reads_back_unchanged_and_stays_writable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gosmart-v2-{Guid.NewGuid():N}.db");
        File.Copy(Fixture("privacy-v2.db"), file);
        try
        {
            var database = new SqlitePrivacyDatabase($"Data Source={file}");
            await database.MigrateAsync();
            Assert.Equal(SqlitePrivacyDatabase.SchemaVersion, await database.StoredSchemaVersionAsync());

            await AssertReadsAndWrites(Stores.Over(database.Relational, Chain), "privacy-v2.sqlite.snapshot.txt");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task A_postgres_database_written_by_the_previous_stores_reads_back_unchanged_and_stays_writable()
    {
        var connectionString = PostgresServer.CreateDatabase();
        await using (var restore = new NpgsqlConnection(connectionString))
        {
            await restore.OpenAsync();
            await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(Fixture("privacy-v2.postgres.sql")), restore);
            await command.ExecuteNonQueryAsync();
        }

        await using var database = new PostgresPrivacyDatabase(connectionString);
        await database.MigrateAsync();
        Assert.Equal(PostgresPrivacyDatabase.SchemaVersion, await database.StoredSchemaVersionAsync());

        await AssertReadsAndWrites(Stores.Over(database.Relational, Chain), "privacy-v2.postgres.snapshot.txt");
    }

    private static async Task AssertReadsAndWrites(Stores stores, string snapshot)
    {
        var expected = (await File.ReadAllTextAsync(Fixture(snapshot))).ReplaceLineEndings("\n");
        // Members added after version 2 read as unset on old rows; the snapshot shows what version 2 had.
        var actual = (await StoreSnapshot.ReadAsync(stores)).ReplaceLineEndings("\n").Replace(",\"Progress\":null", "", StringComparison.Ordinal)
            .Replace(",\"Channel\":0,\"Evidence\":null", "", StringComparison.Ordinal); // an old request reads as self-service, with no evidence
        Assert.Equal(expected, actual);
        foreach (var tenant in StoreSnapshot.Tenants)
        {
            var report = await Chain.VerifyAsync(tenant, stores.Consent.ReadTenantAsync(tenant, default), await stores.Consent.GetHeadAsync(tenant, default), stores.Consent.ReadProjectionAsync(tenant, default), default);
            Assert.True(report.IsIntact, tenant + ": " + report);
        }

        // The old rows are the start of new history: the chain goes on, a failed step can be retried, requests are added.
        var ada = new SubjectRef("acme", "ada");
        var head = await stores.Consent.GetHeadAsync("acme", default);
        var appended = await stores.Consent.AppendAsync(new ConsentEvent
        {
            Id = Guid.NewGuid(),
            TenantId = "acme",
            SubjectId = "ada",
            Purpose = "marketing.communications.email",
            Decision = ConsentDecision.Granted,
            NoticeVersion = 3,
            At = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero),
            Method = ConsentMethod.Form,
            Source = "compatibility-test",
        }, default);
        Assert.Equal(head!.Sequence + 1, appended.Sequence);
        Assert.True((await Chain.VerifyAsync("acme", stores.Consent.ReadTenantAsync("acme", default), await stores.Consent.GetHeadAsync("acme", default), stores.Consent.ReadProjectionAsync("acme", default), default)).IsIntact);
        Assert.Equal(ConsentDecision.Granted, (await stores.Consent.GetLatestAsync(ada, "marketing.communications.email", default))!.Decision);

        var failed = await stores.Requests.QueryAsync(new PrivacyRequestQuery { Status = PrivacyRequestStatus.Failed }, default).SingleAsync();
        var step = (await stores.Steps.GetStepsAsync(failed.Id, default)).Single(s => s.State == StepState.Failed);
        await stores.Steps.SaveStepAsync(step with { State = StepState.Pending }, default);
        var now = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var claimed = await stores.Steps.TryClaimStepAsync(failed.Id, step.Handler, "compatibility-test", now, now.AddMinutes(2), default);
        Assert.Equal(step.Attempts + 1, claimed!.Attempts);
        Assert.True(await stores.Steps.SaveProgressAsync(failed.Id, step.Handler, "compatibility-test", "42", HandlerResult.Empty with { Changed = 3 }, default));
        var resumed = (await stores.Steps.GetStepsAsync(failed.Id, default)).Single(s => s.Handler == step.Handler);
        Assert.Equal(("42", 3), (resumed.Progress, resumed.Result!.Changed));

        var added = await stores.Requests.AddOrGetOpenAsync(new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            Kind = PrivacyRequestKind.Access,
            Subject = ada,
            Status = PrivacyRequestStatus.Received,
            ReceivedAt = now,
            DueAt = now.AddMonths(1),
        }, default);
        Assert.Equal(1, added.Version);
        Assert.Equal(added.Id, (await stores.Requests.QueryAsync(new PrivacyRequestQuery(), default).LastAsync()).Id);
    }
}
