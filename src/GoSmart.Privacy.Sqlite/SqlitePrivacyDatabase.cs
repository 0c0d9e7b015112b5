using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Sqlite;

/// <summary>
/// The privacy database file: opens connections (WAL, a busy timeout, foreign keys) and migrates the schema once,
/// on first use. Migrations are versioned and run inside one <c>BEGIN IMMEDIATE</c> transaction, so two processes
/// starting at once migrate it once; a schema newer than this code is refused.
/// </summary>
public sealed class SqlitePrivacyDatabase
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 2;

    private readonly string _connectionString;
    private readonly Lazy<bool> _migrated;

    /// <summary>Creates the database from a connection string such as <c>Data Source=privacy.db</c>.</summary>
    /// <param name="connectionString">The connection string; it is never written to logs or exceptions.</param>
    /// <exception cref="PrivacyException">The connection string is empty or malformed.</exception>
    public SqlitePrivacyDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PrivacyException("The SQLite connection string is empty. Pass one such as \"Data Source=privacy.db\".");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            {
                throw new PrivacyException("The SQLite connection string names an in-memory database, which loses everything when its last connection closes. Name a file, e.g. \"Data Source=privacy.db\"; for tests without durability use the in-memory stores.");
            }

            builder.Pooling = true;
            _connectionString = builder.ToString();
        }
        catch (ArgumentException)
        {
            throw new PrivacyException("The SQLite connection string could not be parsed (its text is not repeated here: it may hold secrets). Use the form \"Data Source=privacy.db\".");
        }

        _migrated = new Lazy<bool>(MigrateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Opens a connection to the migrated database.</summary>
    /// <returns>An open connection.</returns>
    public SqliteConnection Open()
    {
        _ = _migrated.Value;
        return OpenRaw();
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction taken at once (<c>BEGIN IMMEDIATE</c>), so concurrent writers queue instead of failing late.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="work">The work; it sees the connection and the transaction.</param>
    /// <returns>The result, after commit. On any error the transaction is rolled back: nothing is half-written.</returns>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        using var transaction = BeginImmediate(connection);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Creates or migrates the schema now, instead of on first use: call it at start-up to fail fast on a bad file or a newer schema.</summary>
    /// <exception cref="PrivacyException">The file's schema is newer than this code.</exception>
    public void Migrate() => _ = _migrated.Value;

    /// <summary>Gets the schema version stored in the file (0 before the first migration).</summary>
    /// <returns>The version.</returns>
    public int StoredSchemaVersion()
    {
        using var connection = OpenRaw();
        return ReadVersion(connection, null);
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static SqliteTransaction BeginImmediate(SqliteConnection connection) =>
        connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);

    private bool MigrateSchema()
    {
        using var connection = OpenRaw();
        using var transaction = BeginImmediate(connection);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS gosmart_schema (version INTEGER NOT NULL)");
        var current = ReadVersion(connection, transaction);
        if (current > SchemaVersion)
        {
            throw new PrivacyException($"The privacy database has schema version {current}, newer than this code's {SchemaVersion}: it was migrated by a newer GoSmart.Privacy. Upgrade this service's GoSmart.Privacy.Sqlite package; never run older code against a newer schema.");
        }

        foreach (var (version, sql) in SqliteSchema.Migrations)
        {
            if (version > current)
            {
                Execute(connection, transaction, sql);
                Execute(connection, transaction, current == 0 && version == 1 ? "INSERT INTO gosmart_schema (version) VALUES (1)" : $"UPDATE gosmart_schema SET version = {version}");
                current = version;
            }
        }

        transaction.Commit();
        return true;
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gosmart_schema'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(version), 0) FROM gosmart_schema";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
