using GoSmart.Privacy.Storage.Relational;
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
    public const int SchemaVersion = 7;

    private readonly NpgsqlDataSource _dataSource;

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

        Relational = new RelationalDatabase(new PostgresDialect(_dataSource));
    }

    /// <summary>Gets the database the stores use.</summary>
    internal RelationalDatabase Relational { get; }

    /// <summary>Opens a connection to the migrated database: for reports or support.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection.</returns>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        (NpgsqlConnection)await Relational.OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Creates or migrates the schema now, instead of on first use: call it at start-up to fail fast on a bad connection or a newer schema.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="PrivacyException">The database's schema is newer than this code.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Relational.MigrateAsync(cancellationToken);

    /// <summary>Gets the schema version stored in the database (0 before the first migration).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    public Task<int> StoredSchemaVersionAsync(CancellationToken cancellationToken = default) => Relational.StoredSchemaVersionAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
