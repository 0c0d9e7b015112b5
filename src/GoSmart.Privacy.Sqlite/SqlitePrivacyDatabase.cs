using GoSmart.Privacy.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Sqlite;

/// <summary>
/// The privacy database file. The schema is migrated once, on first use, inside one <c>BEGIN IMMEDIATE</c>
/// transaction, so two processes starting at once migrate it once; a schema newer than this code is refused.
/// </summary>
public sealed class SqlitePrivacyDatabase
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 7;

    /// <summary>Creates the database from a connection string such as <c>Data Source=privacy.db</c>.</summary>
    /// <param name="connectionString">The connection string; it is never written to logs or exceptions.</param>
    /// <exception cref="PrivacyException">The connection string is empty or malformed, or names an in-memory database.</exception>
    public SqlitePrivacyDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PrivacyException("The SQLite connection string is empty. Pass one such as \"Data Source=privacy.db\".");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        }
        catch (ArgumentException)
        {
            throw new PrivacyException("The SQLite connection string could not be parsed (its text is not repeated here: it may hold secrets). Use the form \"Data Source=privacy.db\".");
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new PrivacyException("The SQLite connection string names an in-memory database, which loses everything when its last connection closes. Name a file, e.g. \"Data Source=privacy.db\"; for tests without durability use the in-memory stores.");
        }

        Relational = new RelationalDatabase(new SqliteDialect(builder.ToString()));
    }

    /// <summary>Gets the database the stores use.</summary>
    internal RelationalDatabase Relational { get; }

    /// <summary>Opens a connection to the migrated database: for backups, reports or support.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection.</returns>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        (SqliteConnection)await Relational.OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Creates or migrates the schema now, instead of on first use: call it at start-up to fail fast on a bad file or a newer schema.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="PrivacyException">The file's schema is newer than this code.</exception>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Relational.MigrateAsync(cancellationToken);

    /// <summary>Gets the schema version stored in the file (0 before the first migration).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    public Task<int> StoredSchemaVersionAsync(CancellationToken cancellationToken = default) => Relational.StoredSchemaVersionAsync(cancellationToken);
}
