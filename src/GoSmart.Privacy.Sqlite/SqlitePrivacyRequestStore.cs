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
                ("$t", request.Subject.TenantId), ("$s", request.Subject.SubjectId), ("$k", (int)request.Subject.Kind), ("$kind", (int)request.Kind), ("$p", request.OpenRequestKey)))
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
                INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at, result, error, owner, lease_until) VALUES ($r, $h, $state, $attempts, $at, $result, $error, $owner, $lease)
                ON CONFLICT (request_id, handler) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, updated_at = excluded.updated_at, result = excluded.result, error = excluded.error, owner = excluded.owner, lease_until = excluded.lease_until
                """,
                StepParameters(step));
            return upsert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, $"SELECT {StepColumns} FROM privacy_request_steps WHERE request_id = $r", ("$r", requestId.ToString("D")));
        using var reader = command.ExecuteReader();
        var steps = new List<StepRecord>();
        while (reader.Read())
        {
            steps.Add(ReadStep(requestId, reader));
        }

        IReadOnlyList<StepRecord> result = [.. steps.OrderBy(s => s.Handler, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        database.Write((connection, transaction) =>
        {
            foreach (var handler in handlers)
            {
                using var insert = Command(connection, transaction,
                    "INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at) VALUES ($r, $h, $state, 0, $at) ON CONFLICT DO NOTHING",
                    ("$r", requestId.ToString("D")), ("$h", handler), ("$state", (int)StepState.Pending), ("$at", Time(now)));
                insert.ExecuteNonQuery();
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(database.Write((connection, transaction) =>
        {
            using var claim = Command(connection, transaction,
                $"""
                UPDATE privacy_request_steps SET state = $started, attempts = attempts + 1, updated_at = $now, owner = $owner, lease_until = $lease, error = NULL
                WHERE request_id = $r AND handler = $h AND (state = $pending OR (state = $started AND (lease_until IS NULL OR lease_until < $now)))
                RETURNING {StepColumns}
                """,
                ("$r", requestId.ToString("D")), ("$h", handler), ("$started", (int)StepState.Started), ("$pending", (int)StepState.Pending),
                ("$now", Time(now)), ("$owner", owner), ("$lease", Time(leaseUntil)));
            using var reader = claim.ExecuteReader();
            return reader.Read() ? ReadStep(requestId, reader) : null;
        }));

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Task.FromResult(database.Write((connection, transaction) =>
        {
            using var renew = Command(connection, transaction, "UPDATE privacy_request_steps SET lease_until = $lease WHERE request_id = $r AND handler = $h AND owner = $owner AND state = $started",
                ("$r", requestId.ToString("D")), ("$h", handler), ("$owner", owner), ("$started", (int)StepState.Started), ("$lease", Time(leaseUntil)));
            return renew.ExecuteNonQuery() == 1;
        }));

    /// <inheritdoc />
    public Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Task.FromResult(database.Write((connection, transaction) =>
        {
            using var finish = Command(connection, transaction,
                "UPDATE privacy_request_steps SET state = $state, attempts = $attempts, updated_at = $at, result = $result, error = $error, owner = NULL, lease_until = NULL WHERE request_id = $r AND handler = $h AND owner = $held AND state = $started",
                [.. StepParameters(step), ("$held", owner), ("$started", (int)StepState.Started)]);
            return finish.ExecuteNonQuery() == 1;
        }));
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(EngineRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        database.Write((connection, transaction) =>
        {
            using var upsert = Command(connection, transaction,
                "INSERT INTO privacy_engines (instance_id, service, handlers, heartbeat_at) VALUES ($i, $s, $h, $at) ON CONFLICT (instance_id) DO UPDATE SET service = excluded.service, handlers = excluded.handlers, heartbeat_at = excluded.heartbeat_at",
                ("$i", registration.InstanceId), ("$s", registration.Service), ("$h", ToJson(registration.Handlers)), ("$at", Time(registration.HeartbeatAt)));
            return upsert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RetireServiceAsync(string service, CancellationToken cancellationToken)
    {
        database.Write((connection, transaction) =>
        {
            using var delete = Command(connection, transaction, "DELETE FROM privacy_engines WHERE service = $s", ("$s", service));
            return delete.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EngineRegistration>> GetEnginesAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT instance_id, service, handlers, heartbeat_at FROM privacy_engines ORDER BY instance_id");
        using var reader = command.ExecuteReader();
        var engines = new List<EngineRegistration>();
        while (reader.Read())
        {
            engines.Add(new EngineRegistration(reader.GetString(0), reader.GetString(1), FromJson<List<HandlerRegistration>>(reader.GetString(2)), Time(reader.GetString(3))));
        }

        return Task.FromResult<IReadOnlyList<EngineRegistration>>(engines);
    }

    private const string StepColumns = "handler, state, attempts, updated_at, result, error, owner, lease_until";

    private static StepRecord ReadStep(Guid requestId, SqliteDataReader reader) =>
        new(requestId, reader.GetString(0), (StepState)reader.GetInt32(1), reader.GetInt32(2), Time(reader.GetString(3)),
            reader.IsDBNull(4) ? null : FromJson<HandlerResult>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5))
        {
            Owner = reader.IsDBNull(6) ? null : reader.GetString(6),
            LeaseUntil = reader.IsDBNull(7) ? null : Time(reader.GetString(7)),
        };

    private static (string, object?)[] StepParameters(StepRecord step) =>
    [
        ("$r", step.RequestId.ToString("D")), ("$h", step.Handler), ("$state", (int)step.State), ("$attempts", step.Attempts), ("$at", Time(step.UpdatedAt)),
        ("$result", step.Result is null ? null : ToJson(step.Result)), ("$error", step.Error), ("$owner", step.Owner), ("$lease", step.LeaseUntil is { } l ? Time(l) : null),
    ];

    private static PrivacyRequest Read(string payload, long version) => FromJson<PrivacyRequest>(payload) with { Version = version };

    private static (string, object?)[] Parameters(PrivacyRequest r) =>
    [
        ("$id", r.Id.ToString("D")), ("$t", r.Subject.TenantId), ("$s", r.Subject.SubjectId), ("$k", (int)r.Subject.Kind), ("$kind", (int)r.Kind),
        ("$status", (int)r.Status), ("$p", r.OpenRequestKey), ("$open", r.IsOpen ? 1 : 0), ("$received", Time(r.ReceivedAt)), ("$due", Time(r.DueAt)),
        ("$version", r.Version), ("$payload", ToJson(r)),
    ];
}
