using System.Data.Common;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>
/// What differs between the relational databases the stores run on — how a connection is opened and a write begun,
/// how values are written and read, how rows are locked, and the schema — so that the stores' SQL and row mapping
/// are written once (<see cref="RelationalDatabase"/> and the stores beside it). The stores write parameters as
/// <c>@name</c>, booleans as <c>TRUE</c>/<c>FALSE</c> and upserts as <c>ON CONFLICT</c>, which both SQLite and
/// PostgreSQL read.
/// </summary>
internal abstract class SqlDialect : IDisposable, IAsyncDisposable
{
    /// <summary>Gets the package that holds this dialect, for messages that say what to upgrade.</summary>
    public abstract string Package { get; }

    /// <summary>Gets the schema as numbered migrations. A released migration is never edited: changes are new migrations.</summary>
    public abstract IReadOnlyList<(int Version, string Sql)> Migrations { get; }

    /// <summary>Gets a query returning 1 when the schema-version table exists, otherwise 0.</summary>
    public abstract string SchemaTableExistsSql { get; }

    /// <summary>Gets a statement that serialises migrations across processes inside the migration's transaction, or <see langword="null"/> when beginning a write already does.</summary>
    public virtual string? MigrationLockSql => null;

    /// <summary>Gets a statement that serialises writers on one key (<c>@key</c>) inside a transaction, or <see langword="null"/> when beginning a write already does.</summary>
    public virtual string? KeyLockSql => null;

    /// <summary>Gets what follows a <c>SELECT</c> that reads a row to change it in the same transaction: <c> FOR UPDATE</c>, or nothing when the write already holds the database.</summary>
    public virtual string ForUpdate => string.Empty;

    /// <summary>Gets the operator that compares two values treating two nulls as equal.</summary>
    public abstract string NullSafeEquals { get; }

    /// <summary>Gets the column that orders <c>privacy_requests</c> rows by insertion.</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>Gets whether other processes write to the same database: cached answers then expire, and consent changes are broadcast.</summary>
    public virtual bool IsShared => false;

    /// <summary>Gets a statement run in the transaction of a consent append that tells other processes of <c>@change</c> once it commits, or <see langword="null"/>.</summary>
    public virtual string? ConsentNotifySql => null;

    /// <summary>Opens a connection, configured for the stores.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection.</returns>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that writes.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction.</returns>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Maps a value to what the driver writes: the stores pass times, ids and booleans as .NET values.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value to bind; <see cref="DBNull"/> for <see langword="null"/>.</returns>
    public virtual object ToDb(object? value) => value ?? DBNull.Value;

    /// <summary>Reads a time column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The time.</returns>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Reads an id column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The id.</returns>
    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    /// <summary>Streams consent changes other processes commit; nothing when the database is not shared.</summary>
    /// <param name="database">The database to listen on.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The changes.</returns>
    public virtual async IAsyncEnumerable<ConsentChange> WatchConsentAsync(RelationalDatabase database, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }
}
