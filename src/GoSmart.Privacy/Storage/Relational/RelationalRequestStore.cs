using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Requests in a relational database. Every write is one transaction; an update checks the version it read.</summary>
internal sealed class RelationalRequestStore(RelationalDatabase database) : IPrivacyRequestStore
{
    private const string Columns = "id, tenant_id, subject_id, subject_kind, kind, status, purpose, is_open, received_at, due_at, version, payload";

    /// <inheritdoc />
    public Task<PrivacyRequest> AddOrGetOpenAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dialect = database.Dialect;
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (dialect.KeyLockSql is { } keyLock)
            {
                // Writers adding a request for the same subject queue on this lock, so only one opens it.
                await database.ExecuteAsync(connection, transaction, keyLock, cancellationToken,
                    ("key", $"{request.Subject.TenantId}\u001f{request.Subject.SubjectId}\u001f{(int)request.Subject.Kind}\u001f{(int)request.Kind}")).ConfigureAwait(false);
            }

            var open = await database.FirstOrDefaultAsync(connection, transaction,
                $"SELECT payload, version FROM privacy_requests WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k AND kind = @kind AND is_open = TRUE AND purpose {dialect.NullSafeEquals} CAST(@p AS TEXT) LIMIT 1",
                Read, cancellationToken, ("t", request.Subject.TenantId), ("s", request.Subject.SubjectId), ("k", (int)request.Subject.Kind), ("kind", (int)request.Kind), ("p", request.OpenRequestKey)).ConfigureAwait(false);
            if (open is not null)
            {
                return open;
            }

            var stored = request with { Version = 1 };
            await database.ExecuteAsync(connection, transaction,
                $"INSERT INTO privacy_requests ({Columns}) VALUES (@id, @t, @s, @k, @kind, @status, @p, @open, @received, @due, @version, @payload)", cancellationToken, Parameters(stored)).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync("SELECT payload, version FROM privacy_requests WHERE id = @id", Read, cancellationToken, ("id", requestId));

    /// <inheritdoc />
    public Task<PrivacyRequest> UpdateAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var stored = request with { Version = request.Version + 1 };
            var updated = await database.ExecuteAsync(connection, transaction,
                "UPDATE privacy_requests SET status = @status, purpose = @p, is_open = @open, due_at = @due, version = @version, payload = @payload WHERE id = @id AND version = @read",
                cancellationToken, [.. Parameters(stored), ("read", request.Version)]).ConfigureAwait(false);
            if (updated == 1)
            {
                return stored;
            }

            var version = await database.FirstOrDefaultAsync<long?>(connection, transaction, "SELECT version FROM privacy_requests WHERE id = @id", r => r.GetInt64(0), cancellationToken, ("id", request.Id)).ConfigureAwait(false);
            return version is not null
                ? throw new PrivacyConcurrencyException($"Request {request.Id} changed since it was read (version {request.Version}, now {version}). Read it again and retry.")
                : throw new PrivacyException($"There is no request {request.Id} to update. Submit it first.");
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyRequest> QueryAsync(PrivacyRequestQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT payload, version FROM privacy_requests WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Filter(string condition, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(condition);
                parameters.Add((name, value));
            }
        }

        Filter("tenant_id = @t", "t", query.TenantId);
        Filter("subject_id = @s", "s", query.SubjectId);
        Filter("status = @status", "status", (int?)query.Status);
        Filter("kind = @kind", "kind", (int?)query.Kind);
        Filter("is_open = TRUE AND due_at < @now", "now", query.OverdueAt);
        sql.Append(" ORDER BY received_at, ").Append(database.Dialect.InsertionOrder);
        await foreach (var request in database.QueryAsync(sql.ToString(), Read, cancellationToken, [.. parameters]).ConfigureAwait(false))
        {
            if (query.Matches(request))
            {
                yield return request;
            }
        }
    }

    private static PrivacyRequest Read(DbDataReader reader) => StoredRecords.Deserialize<PrivacyRequest>(reader.GetString(0)) with { Version = reader.GetInt64(1) };

    private static (string, object?)[] Parameters(PrivacyRequest r) =>
    [
        ("id", r.Id), ("t", r.Subject.TenantId), ("s", r.Subject.SubjectId), ("k", (int)r.Subject.Kind), ("kind", (int)r.Kind), ("status", (int)r.Status),
        ("p", r.OpenRequestKey), ("open", r.IsOpen), ("received", r.ReceivedAt), ("due", r.DueAt), ("version", r.Version), ("payload", StoredRecords.Serialize(r)),
    ];
}
