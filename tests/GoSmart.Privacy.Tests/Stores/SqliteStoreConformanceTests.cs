using GoSmart.Privacy.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task The_schema_is_created_once_and_a_newer_schema_is_refused()
    {
        var database = new SqlitePrivacyDatabase(ConnectionString);
        await (await database.OpenAsync()).DisposeAsync();

        Assert.Equal(SqlitePrivacyDatabase.SchemaVersion, await database.StoredSchemaVersionAsync());
        await new SqlitePrivacyDatabase(ConnectionString).MigrateAsync();

        using (var raw = new SqliteConnection(ConnectionString))
        {
            raw.Open();
            using var bump = raw.CreateCommand();
            bump.CommandText = "UPDATE gosmart_schema SET version = 99";
            bump.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => new SqlitePrivacyDatabase(ConnectionString).MigrateAsync());
        Assert.Contains("schema version 99, newer than this code's", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_starting_at_once_migrate_once()
    {
        var databases = Enumerable.Range(0, 6).Select(_ => new SqlitePrivacyDatabase(ConnectionString)).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(async () => await (await d.OpenAsync()).DisposeAsync())));

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

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Steps.SaveStepAsync(new StepRecord(request.Id, "crm", StepState.Started, 1, DateTimeOffset.UnixEpoch, null, null), default)); // no such request: the foreign key refuses it

        Assert.Empty(await stores.Steps.GetStepsAsync(request.Id, default));
    }

    [Fact]
    public async Task UseSqlite_registers_the_database_so_a_host_migrates_it_at_start_up()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key)).UseSqlite(ConnectionString);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var database = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SqlitePrivacyDatabase>(provider);
        Assert.Equal(0, await database.StoredSchemaVersionAsync());
        await database.MigrateAsync();

        Assert.Equal(SqlitePrivacyDatabase.SchemaVersion, await database.StoredSchemaVersionAsync());
    }

    [Fact]
    public async Task A_cancelled_call_throws_and_writes_nothing()
    {
        var stores = Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stores.Steps.GetStepsAsync(Guid.NewGuid(), cancelled.Token));

        Assert.Empty(await stores.Requests.QueryAsync(new PrivacyRequestQuery(), default).ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Stores Create()
    {
        return Stores.Over(new SqlitePrivacyDatabase(ConnectionString).Relational);
    }
}
