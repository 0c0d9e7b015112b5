using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Tests.Infrastructure;
using Npgsql;

namespace GoSmart.Privacy.Tests.Stores;

public sealed class PostgresStoreConformanceTests : StoreConformanceTests, IAsyncLifetime
{
    private readonly List<PostgresPrivacyDatabase> _databases = [];
    private string? _connectionString;

    private string ConnectionString => _connectionString ??= PostgresServer.CreateDatabase();

    protected override Stores Open() => Create();

    protected override Stores Reopen() => Create();

    protected override async Task<bool> TamperAsync(string sql)
    {
        await using var raw = new NpgsqlConnection(ConnectionString);
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return true;
    }

    [SkippableFact]
    public async Task The_schema_is_created_once_even_by_instances_starting_at_once_and_a_newer_schema_is_refused()
    {
        var databases = Enumerable.Range(0, 5).Select(_ => Track(new PostgresPrivacyDatabase(ConnectionString))).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(async () => await (await d.OpenAsync(default)).DisposeAsync())));

        Assert.Equal(PostgresPrivacyDatabase.SchemaVersion, await databases[0].StoredSchemaVersionAsync(default));
        await using (var raw = new NpgsqlConnection(ConnectionString))
        {
            await raw.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM gosmart_schema", raw);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
            await using var bump = new NpgsqlCommand("UPDATE gosmart_schema SET version = 99", raw);
            await bump.ExecuteNonQueryAsync();
        }

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => Track(new PostgresPrivacyDatabase(ConnectionString)).OpenAsync(default));
        Assert.Contains("schema version 99, newer than this code's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_connection_string_is_refused_without_repeating_it()
    {
        Assert.Contains("is empty", Assert.Throws<PrivacyException>(() => new PostgresPrivacyDatabase(" ")).Message, StringComparison.Ordinal);
        var ex = Assert.Throws<PrivacyException>(() => new PostgresPrivacyDatabase("Host=db;Password=hunter2;Frobnicate=yes"));
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_failed_write_leaves_no_partial_row_and_the_error_names_what_failed()
    {
        var stores = Create();
        var request = NewRequest(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada"));

        var ex = await Assert.ThrowsAsync<PostgresException>(() => stores.Steps.SaveStepAsync(new StepRecord(request.Id, "crm", StepState.Started, 1, DateTimeOffset.UnixEpoch, null, null), default));

        Assert.Contains("privacy_request_steps", ex.Message + ex.TableName, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", ex.ToString(), StringComparison.Ordinal);
        Assert.Empty(await stores.Steps.GetStepsAsync(request.Id, default));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    private Stores Create()
    {
        return Stores.Over(Track(new PostgresPrivacyDatabase(ConnectionString)).Relational);
    }

    private PostgresPrivacyDatabase Track(PostgresPrivacyDatabase database)
    {
        _databases.Add(database);
        return database;
    }
}
