using System.Data;
using System.Data.Common;
using System.Globalization;
using GoSmart.Privacy.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Sqlite;

/// <summary>
/// SQLite for the relational stores: WAL, a busy timeout and foreign keys on every connection; every write takes
/// the database at once (<c>BEGIN IMMEDIATE</c>), so concurrent writers — threads or processes — queue instead of
/// failing late, and no row lock is needed. Times are ISO 8601 text in UTC (so they sort), ids are text.
/// </summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public override string Package => "GoSmart.Privacy.Sqlite";

    public override IReadOnlyList<(int Version, string Sql)> Migrations => SqliteSchema.Migrations;

    public override string SchemaTableExistsSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gosmart_schema'";

    public override string NullSafeEquals => "IS";

    public override string InsertionOrder => "rowid";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));
    }

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => Time(time),
        Guid id => id.ToString("D"),
        _ => value,
    };

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    /// <summary>A time as it is stored: round-trip ISO 8601 in UTC, which sorts as text.</summary>
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
