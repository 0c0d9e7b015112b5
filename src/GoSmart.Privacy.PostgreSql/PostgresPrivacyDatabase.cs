using Npgsql;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>
/// The shared privacy database: a pooled <see cref="NpgsqlDataSource"/>, and the schema migrated once on first use
/// under a transaction-scoped advisory lock, so several instances starting at once migrate it once. A schema newer
/// than this code is refused.
/// </summary>
public sealed class PostgresPrivacyDatabase : IDisposable, IAsyncDisposable
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 2;

    private const long MigrationLock = 0x6F5_0051_C0DE;
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the database from a connection string.</summary>
    /// <param name="connectionString">An Npgsql connection string; it is never written to logs or exceptions.</param>
    /// <exception cref="PrivacyException">The connection string is empty or malformed.</exception>
    public PostgresPrivacyDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PrivacyException("The PostgreSQL connection string is empty. Pass one such as \"Host=db;Database=privacy;Username=privacy\" (the password from a secret store).");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "GoSmart.Privacy" };
            _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        catch (ArgumentException)
        {
            throw new PrivacyException("The PostgreSQL connection string could not be parsed (its text is not repeated here: it may hold a password). Check its keys and values.");
        }
    }

    /// <summary>Opens a connection to the migrated database.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection.</returns>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back on any error — nothing is half-written.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="work">The work.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, after commit.</returns>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Gets the schema version stored in the database (0 before the first migration).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    public async Task<int> StoredSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Creates or migrates the schema now, instead of on first use: call it at start-up to fail fast on a bad connection or a newer schema.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="PrivacyException">The database's schema is newer than this code.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS gosmart_schema (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > SchemaVersion)
            {
                throw new PrivacyException($"The privacy database has schema version {current}, newer than this code's {SchemaVersion}: it was migrated by a newer GoSmart.Privacy. Upgrade this service's GoSmart.Privacy.PostgreSql package; never run older code against a newer schema.");
            }

            foreach (var (version, sql) in PostgresSchema.Migrations)
            {
                if (version > current)
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, current == 0 ? $"INSERT INTO gosmart_schema (version) VALUES ({version})" : $"UPDATE gosmart_schema SET version = {version}", cancellationToken).ConfigureAwait(false);
                    current = version;
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT CASE WHEN to_regclass('gosmart_schema') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM gosmart_schema) END", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
