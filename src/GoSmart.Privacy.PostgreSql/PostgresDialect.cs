using System.Data.Common;
using System.Runtime.CompilerServices;
using GoSmart.Privacy.Storage.Relational;
using Npgsql;
using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>
/// PostgreSQL for the relational stores, shared by several instances: a pooled data source; rows read to be
/// changed are locked (<c>FOR UPDATE</c>); opening a request and migrating take transaction-scoped advisory locks;
/// consent appends are broadcast with <c>NOTIFY</c> so other instances' caches follow at once.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    private const string Channel = "gosmart_consent";

    public override string Package => "GoSmart.Privacy.PostgreSql";

    public override IReadOnlyList<(int Version, string Sql)> Migrations => PostgresSchema.Migrations;

    public override string SchemaTableExistsSql => "SELECT CASE WHEN to_regclass('gosmart_schema') IS NULL THEN 0 ELSE 1 END";

    public override string MigrationLockSql => "SELECT pg_advisory_xact_lock(7649342111966)";

    public override string KeyLockSql => "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))";

    public override string ForUpdate => " FOR UPDATE";

    public override string NullSafeEquals => "IS NOT DISTINCT FROM";

    public override string InsertionOrder => "seq";

    public override bool IsShared => true;

    public override string ConsentNotifySql => $"SELECT pg_notify('{Channel}', @change)";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUniversalTime(), // timestamptz takes UTC only
        _ => value,
    };

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override async IAsyncEnumerable<ConsentChange> WatchConsentAsync(RelationalDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = System.Threading.Channels.Channel.CreateUnbounded<ConsentChange>();
        await using var connection = (NpgsqlConnection)await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, e) => changes.Writer.TryWrite(StoredRecords.Deserialize<ConsentChange>(e.Payload));
        await database.ExecuteAsync(connection, null, "LISTEN " + Channel, cancellationToken).ConfigureAwait(false);
        var waiting = connection.WaitAsync(cancellationToken);
        while (true)
        {
            while (changes.Reader.TryRead(out var change))
            {
                yield return change;
            }

            await waiting.ConfigureAwait(false);
            waiting = connection.WaitAsync(cancellationToken);
        }
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public override void Dispose() => dataSource.Dispose();
}
