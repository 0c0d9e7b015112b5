using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using static GoSmart.Privacy.Sqlite.SqliteText;

namespace GoSmart.Privacy.Sqlite;

/// <summary>Requests and their steps in SQLite. Every write is one transaction; an update checks the version it read.</summary>
public sealed class SqlitePrivacyRequestStore(SqlitePrivacyDatabase database) : IPrivacyRequestStore
{
    private const string Columns = "id, tenant_id, subject_id, subject_kind, kind, status, purpose, is_open, received_at, due_at, version, payload";

    /// <inheritdoc />
    public Task<PrivacyRequest> AddOrGetOpenAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(database.Write((connection, transaction) =>
        {
            using (var open = Command(connection, transaction,
                "SELECT payload, version FROM privacy_requests WHERE tenant_id = $t AND subject_id = $s AND subject_kind = $k AND kind = $kind AND is_open = 1 AND purpose IS $p LIMIT 1",
                ("$t", request.Subject.TenantId), ("$s", request.Subject.SubjectId), ("$k", (int)request.Subject.Kind), ("$kind", (int)request.Kind), ("$p", request.Purpose)))
            using (var reader = open.ExecuteReader())
            {
                if (reader.Read())
                {
                    return Read(reader.GetString(0), reader.GetInt64(1));
                }
            }

            var stored = request with { Version = 1 };
            using var insert = Command(connection, transaction, $"INSERT INTO privacy_requests ({Columns}) VALUES ($id, $t, $s, $k, $kind, $status, $p, $open, $received, $due, $version, $payload)", Parameters(stored));
            insert.ExecuteNonQuery();
            return stored;
        }));
    }

    /// <inheritdoc />
    public Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT payload, version FROM privacy_requests WHERE id = $id", ("$id", requestId.ToString("D")));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader.GetString(0), reader.GetInt64(1)) : null);
    }

    /// <inheritdoc />
    public Task<PrivacyRequest> UpdateAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(database.Write((connection, transaction) =>
        {
            var stored = request with { Version = request.Version + 1 };
            var parameters = Parameters(stored).Append(("$read", request.Version)).ToArray();
            using var update = Command(connection, transaction,
                "UPDATE privacy_requests SET status = $status, purpose = $p, is_open = $open, due_at = $due, version = $version, payload = $payload WHERE id = $id AND version = $read", parameters);
            if (update.ExecuteNonQuery() == 1)
            {
                return stored;
            }

            using var exists = Command(connection, transaction, "SELECT version FROM privacy_requests WHERE id = $id", ("$id", request.Id.ToString("D")));
            return exists.ExecuteScalar() is long version
                ? throw new PrivacyConcurrencyException($"Request {request.Id} changed since it was read (version {request.Version}, now {version}). Read it again and retry.")
                : throw new PrivacyException($"There is no request {request.Id} to update. Submit it first.");
        }));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyRequest> QueryAsync(PrivacyRequestQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = "SELECT payload, version FROM privacy_requests WHERE 1 = 1";
        var parameters = new List<(string, object?)>();
        if (query.TenantId is not null)
        {
            sql += " AND tenant_id = $t";
            parameters.Add(("$t", query.TenantId));
        }

        if (query.SubjectId is not null)
        {
            sql += " AND subject_id = $s";
            parameters.Add(("$s", query.SubjectId));
        }

        if (query.Status is not null)
        {
            sql += " AND status = $status";
            parameters.Add(("$status", (int)query.Status));
        }

        if (query.Kind is not null)
        {
            sql += " AND kind = $kind";
            parameters.Add(("$kind", (int)query.Kind));
        }

        if (query.OverdueAt is not null)
        {
            sql += " AND is_open = 1 AND due_at < $now";
            parameters.Add(("$now", Time(query.OverdueAt.Value)));
        }

        using var connection = database.Open();
        using var command = Command(connection, null, sql + " ORDER BY received_at, rowid", [.. parameters]);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var request = Read(reader.GetString(0), reader.GetInt64(1));
            if (query.Matches(request))
            {
                yield return request;
            }
        }
    }

    /// <inheritdoc />
    public Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        database.Write((connection, transaction) =>
        {
            using var upsert = Command(connection, transaction,
                """
                INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at, result, error) VALUES ($r, $h, $state, $attempts, $at, $result, $error)
                ON CONFLICT (request_id, handler) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, updated_at = excluded.updated_at, result = excluded.result, error = excluded.error
                """,
                ("$r", step.RequestId.ToString("D")), ("$h", step.Handler), ("$state", (int)step.State), ("$attempts", step.Attempts), ("$at", Time(step.UpdatedAt)),
                ("$result", step.Result is null ? null : ToJson(step.Result)), ("$error", step.Error));
            return upsert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT handler, state, attempts, updated_at, result, error FROM privacy_request_steps WHERE request_id = $r ORDER BY handler", ("$r", requestId.ToString("D")));
        using var reader = command.ExecuteReader();
        var steps = new List<StepRecord>();
        while (reader.Read())
        {
            steps.Add(new StepRecord(requestId, reader.GetString(0), (StepState)reader.GetInt32(1), reader.GetInt32(2), Time(reader.GetString(3)),
                reader.IsDBNull(4) ? null : FromJson<HandlerResult>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        IReadOnlyList<StepRecord> result = [.. steps.OrderBy(s => s.Handler, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    private static PrivacyRequest Read(string payload, long version) => FromJson<PrivacyRequest>(payload) with { Version = version };

    private static (string, object?)[] Parameters(PrivacyRequest r) =>
    [
        ("$id", r.Id.ToString("D")), ("$t", r.Subject.TenantId), ("$s", r.Subject.SubjectId), ("$k", (int)r.Subject.Kind), ("$kind", (int)r.Kind),
        ("$status", (int)r.Status), ("$p", r.Purpose), ("$open", r.IsOpen ? 1 : 0), ("$received", Time(r.ReceivedAt)), ("$due", Time(r.DueAt)),
        ("$version", r.Version), ("$payload", ToJson(r)),
    ];
}
