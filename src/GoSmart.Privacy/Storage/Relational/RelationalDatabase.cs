using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>
/// A privacy database in one dialect: connections, one write transaction per call (committed when the work
/// returns, rolled back on any error — nothing is half-written), commands with named parameters, and the migration
/// runner. The schema is migrated once, on first use, under the dialect's migration lock, so several processes
/// starting at once migrate it once; a schema newer than this code is refused.
/// </summary>
internal sealed class RelationalDatabase(SqlDialect dialect) : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Gets the dialect.</summary>
    public SqlDialect Dialect { get; } = dialect;

    /// <summary>Gets the schema version this code writes and reads.</summary>
    public int SchemaVersion => Dialect.Migrations[^1].Version;

    /// <summary>Opens a connection to the migrated database.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection.</returns>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="work">The work; it sees the connection and the transaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, after commit.</returns>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs one statement in its own write transaction.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The number of rows changed.</returns>
    public Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, sql, cancellationToken, parameters), cancellationToken);

    /// <summary>Streams the rows of a query, each mapped by <paramref name="read"/>.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="sql">The query.</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The rows.</returns>
    public async IAsyncEnumerable<T> QueryAsync<T>(string sql, Func<DbDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }

    /// <summary>Reads every row of a query.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="sql">The query.</param>
    /// <param name="read">Maps the current row.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The rows.</returns>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        await foreach (var row in QueryAsync(sql, read, cancellationToken, parameters).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Reads the first row of a query, or <see langword="default"/>.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="sql">The query.</param>
    /// <param name="read">Maps the row.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The row, or <see langword="default"/> when there is none.</returns>
    public async Task<T?> FirstOrDefaultAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : default;
    }

    /// <summary>Reads the first row of a query on a connection of its own, or <see langword="default"/>.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="sql">The query.</param>
    /// <param name="read">Maps the row.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The row, or <see langword="default"/> when there is none.</returns>
    public async Task<T?> FirstOrDefaultAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FirstOrDefaultAsync(connection, null, sql, read, cancellationToken, parameters).ConfigureAwait(false);
    }

    /// <summary>Runs a statement.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="parameters">Its parameters.</param>
    /// <returns>The number of rows changed.</returns>
    public async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds a command; each value is mapped by the dialect.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <param name="sql">The SQL, with <c>@name</c> parameters.</param>
    /// <param name="parameters">The parameters, named without the <c>@</c>.</param>
    /// <returns>The command.</returns>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Dialect.ToDb(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Gets the schema version stored in the database (0 before the first migration).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    public async Task<int> StoredSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

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

            await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            if (Dialect.MigrationLockSql is { } migrationLock)
            {
                await ExecuteAsync(connection, transaction, migrationLock, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS gosmart_schema (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
            var current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current > SchemaVersion)
            {
                throw new PrivacyException($"The privacy database has schema version {current}, newer than this code's {SchemaVersion}: it was migrated by a newer GoSmart.Privacy. Upgrade this service's {Dialect.Package} package; never run older code against a newer schema.");
            }

            foreach (var (version, sql) in Dialect.Migrations)
            {
                if (version > current)
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, current == 0 ? "INSERT INTO gosmart_schema (version) VALUES (@v)" : "UPDATE gosmart_schema SET version = @v", cancellationToken, ("v", version)).ConfigureAwait(false);
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

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Dialect.DisposeAsync();

    /// <inheritdoc />
    /// <remarks>A host that disposes its container synchronously (<c>using var provider = …</c>) disposes the database this way.</remarks>
    public void Dispose() => Dialect.Dispose();

    private async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = Command(connection, transaction, Dialect.SchemaTableExistsSql);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var command = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM gosmart_schema");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
