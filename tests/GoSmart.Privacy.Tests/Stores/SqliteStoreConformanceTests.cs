using GoSmart.Privacy.Sqlite;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Tests.Stores;

public sealed class SqliteStoreConformanceTests : StoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gosmart-sqlite-").FullName;

    private string ConnectionString => "Data Source=" + Path.Combine(_directory, "privacy.db");

    protected override Stores Open() => Create();

    protected override Stores Reopen() => Create();

    protected override async Task<bool> TamperAsync(string sql)
    {
        await using var raw = new SqliteConnection(ConnectionString);
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return true;
    }

    [Fact]
    public void The_schema_is_created_once_and_a_newer_schema_is_refused()
    {
        var database = new SqlitePrivacyDatabase(ConnectionString);
        using (database.Open())
        {
        }

        Assert.Equal(SqlitePrivacyDatabase.SchemaVersion, database.StoredSchemaVersion());
        using (new SqlitePrivacyDatabase(ConnectionString).Open())
        {
        }

        using (var raw = new SqliteConnection(ConnectionString))
        {
            raw.Open();
            using var bump = raw.CreateCommand();
            bump.CommandText = "UPDATE gosmart_schema SET version = 99";
            bump.ExecuteNonQuery();
        }

        var ex = Assert.Throws<PrivacyException>(() => new SqlitePrivacyDatabase(ConnectionString).Open());
        Assert.Contains("schema version 99, newer than this code's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_starting_at_once_migrate_once()
    {
        var databases = Enumerable.Range(0, 6).Select(_ => new SqlitePrivacyDatabase(ConnectionString)).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(() => d.Open().Dispose())));

        using var raw = new SqliteConnection(ConnectionString);
        raw.Open();
        using var count = raw.CreateCommand();
        count.CommandText = "SELECT count(*) FROM gosmart_schema";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("Data Source=:memory:", "in-memory database")]
    [InlineData("Data Source=x.db;Password=hunter2;Nonsense Key=1", "could not be parsed")]
    public void A_bad_connection_string_is_refused_without_repeating_it(string connectionString, string expected)
    {
        var ex = Assert.Throws<PrivacyException>(() => new SqlitePrivacyDatabase(connectionString));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_write_leaves_no_partial_row()
    {
        var stores = Create();
        var request = NewRequest(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada"));

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Requests.SaveStepAsync(new StepRecord(request.Id, "crm", StepState.Started, 1, DateTimeOffset.UnixEpoch, null, null), default)); // no such request: the foreign key refuses it

        Assert.Empty(await stores.Requests.GetStepsAsync(request.Id, default));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Stores Create()
    {
        var database = new SqlitePrivacyDatabase(ConnectionString);
        return new Stores(new SqlitePrivacyRequestStore(database), new SqliteRestrictionStore(database), new SqlitePrivacyAuditLog(database), new SqliteConsentStore(database, Chain));
    }
}
