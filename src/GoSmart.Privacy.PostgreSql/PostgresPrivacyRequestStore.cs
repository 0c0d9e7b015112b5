using System.Runtime.CompilerServices;
using Npgsql;
using static GoSmart.Privacy.PostgreSql.PostgresCommands;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>Requests and their steps in PostgreSQL, shared by several instances.</summary>
public sealed class PostgresPrivacyRequestStore(PostgresPrivacyDatabase database) : IPrivacyRequestStore
{
    /// <inheritdoc />
    public Task<PrivacyRequest> AddOrGetOpenAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return database.WriteAsync(async (connection, transaction) =>
        {
            // Instances adding a request for the same subject queue on this lock, so only one opens it.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken,
                ("key", $"{request.Subject.TenantId}\u001f{request.Subject.SubjectId}\u001f{(int)request.Subject.Kind}\u001f{(int)request.Kind}")).ConfigureAwait(false);
            await using (var open = Command(connection, transaction,
                "SELECT payload, version FROM privacy_requests WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k AND kind = @kind AND is_open AND purpose IS NOT DISTINCT FROM @p LIMIT 1",
                ("t", request.Subject.TenantId), ("s", request.Subject.SubjectId), ("k", (int)request.Subject.Kind), ("kind", (int)request.Kind), ("p", request.OpenRequestKey ?? (object)DBNull.Value)))
            {
                open.Parameters["p"].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
                await using var reader = await open.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return Read(reader.GetString(0), reader.GetInt64(1));
                }
            }

            var stored = request with { Version = 1 };
            await ExecuteAsync(connection, transaction,
                "INSERT INTO privacy_requests (id, tenant_id, subject_id, subject_kind, kind, status, purpose, is_open, received_at, due_at, version, payload) VALUES (@id, @t, @s, @k, @kind, @status, @p, @open, @received, @due, @version, @payload)",
                cancellationToken, Parameters(stored)).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT payload, version FROM privacy_requests WHERE id = @id", ("id", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <inheritdoc />
    public Task<PrivacyRequest> UpdateAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var stored = request with { Version = request.Version + 1 };
            var updated = await ExecuteAsync(connection, transaction,
                "UPDATE privacy_requests SET status = @status, purpose = @p, is_open = @open, due_at = @due, version = @version, payload = @payload WHERE id = @id AND version = @read",
                cancellationToken, [.. Parameters(stored), ("read", request.Version)]).ConfigureAwait(false);
            if (updated == 1)
            {
                return stored;
            }

            await using var exists = Command(connection, transaction, "SELECT version FROM privacy_requests WHERE id = @id", ("id", request.Id));
            return await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
                ? throw new PrivacyConcurrencyException($"Request {request.Id} changed since it was read (version {request.Version}, now {version}). Read it again and retry.")
                : throw new PrivacyException($"There is no request {request.Id} to update. Submit it first.");
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyRequest> QueryAsync(PrivacyRequestQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = "SELECT payload, version FROM privacy_requests WHERE (@t::text IS NULL OR tenant_id = @t) AND (@s::text IS NULL OR subject_id = @s)"
            + " AND (@status::integer IS NULL OR status = @status) AND (@kind::integer IS NULL OR kind = @kind) AND (@now::timestamptz IS NULL OR (is_open AND due_at < @now))"
            + " ORDER BY received_at, seq";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql,
            ("t", query.TenantId), ("s", query.SubjectId), ("status", (int?)query.Status), ("kind", (int?)query.Kind), ("now", query.OverdueAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        return database.WriteAsync(
            (connection, transaction) => ExecuteAsync(connection, transaction,
                """
                INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at, result, error, owner, lease_until) VALUES (@r, @h, @state, @attempts, @at, @result, @error, @owner, @lease)
                ON CONFLICT (request_id, handler) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, updated_at = excluded.updated_at, result = excluded.result, error = excluded.error, owner = excluded.owner, lease_until = excluded.lease_until
                """,
                cancellationToken,
                StepParameters(step)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {StepColumns} FROM privacy_request_steps WHERE request_id = @r", ("r", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var steps = new List<StepRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            steps.Add(ReadStep(requestId, reader));
        }

        return [.. steps.OrderBy(s => s.Handler, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return database.WriteAsync(
            (connection, transaction) => ExecuteAsync(connection, transaction,
                "INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at) SELECT @r, h, @state, 0, @at FROM unnest(@handlers) AS h ON CONFLICT DO NOTHING",
                cancellationToken, ("r", requestId), ("handlers", handlers.ToArray()), ("state", (int)StepState.Pending), ("at", now)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // The row update is atomic: of two instances claiming at once, one updates the row and the other finds it started and leased.
            await using var claim = Command(connection, transaction,
                $"""
                UPDATE privacy_request_steps SET state = @started, attempts = attempts + 1, updated_at = @now, owner = @owner, lease_until = @lease, error = NULL
                WHERE request_id = @r AND handler = @h AND (state = @pending OR (state = @started AND (lease_until IS NULL OR lease_until < @now)))
                RETURNING {StepColumns}
                """,
                ("r", requestId), ("h", handler), ("started", (int)StepState.Started), ("pending", (int)StepState.Pending), ("now", now), ("owner", owner), ("lease", leaseUntil));
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadStep(requestId, reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) => await ExecuteAsync(connection, transaction,
            "UPDATE privacy_request_steps SET lease_until = @lease WHERE request_id = @r AND handler = @h AND owner = @owner AND state = @started",
            cancellationToken, ("r", requestId), ("h", handler), ("owner", owner), ("started", (int)StepState.Started), ("lease", leaseUntil)).ConfigureAwait(false) == 1, cancellationToken);

    /// <inheritdoc />
    public Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return database.WriteAsync(async (connection, transaction) => await ExecuteAsync(connection, transaction,
            "UPDATE privacy_request_steps SET state = @state, attempts = @attempts, updated_at = @at, result = @result, error = @error, owner = NULL, lease_until = NULL WHERE request_id = @r AND handler = @h AND owner = @held AND state = @started",
            cancellationToken, [.. StepParameters(step), ("held", owner), ("started", (int)StepState.Started)]).ConfigureAwait(false) == 1, cancellationToken);
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(EngineRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            "INSERT INTO privacy_engines (instance_id, service, handlers, heartbeat_at) VALUES (@i, @s, @h, @at) ON CONFLICT (instance_id) DO UPDATE SET service = excluded.service, handlers = excluded.handlers, heartbeat_at = excluded.heartbeat_at",
            cancellationToken, ("i", registration.InstanceId), ("s", registration.Service), ("h", StoredRecords.Serialize(registration.Handlers)), ("at", registration.HeartbeatAt)), cancellationToken);
    }

    /// <inheritdoc />
    public Task RetireServiceAsync(string service, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction, "DELETE FROM privacy_engines WHERE service = @s", cancellationToken, ("s", service)), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<EngineRegistration>> GetEnginesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT instance_id, service, handlers, heartbeat_at FROM privacy_engines ORDER BY instance_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var engines = new List<EngineRegistration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            engines.Add(new EngineRegistration(reader.GetString(0), reader.GetString(1), StoredRecords.Deserialize<List<HandlerRegistration>>(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return engines;
    }

    private const string StepColumns = "handler, state, attempts, updated_at, result, error, owner, lease_until";

    private static StepRecord ReadStep(Guid requestId, NpgsqlDataReader reader) =>
        new(requestId, reader.GetString(0), (StepState)reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : StoredRecords.Deserialize<HandlerResult>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5))
        {
            Owner = reader.IsDBNull(6) ? null : reader.GetString(6),
            LeaseUntil = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        };

    private static (string, object?)[] StepParameters(StepRecord step) =>
    [
        ("r", step.RequestId), ("h", step.Handler), ("state", (int)step.State), ("attempts", step.Attempts), ("at", step.UpdatedAt),
        ("result", step.Result is null ? null : StoredRecords.Serialize(step.Result)), ("error", step.Error), ("owner", step.Owner), ("lease", step.LeaseUntil),
    ];

    private static PrivacyRequest Read(string payload, long version) => StoredRecords.Deserialize<PrivacyRequest>(payload) with { Version = version };

    private static (string, object?)[] Parameters(PrivacyRequest r) =>
    [
        ("id", r.Id), ("t", r.Subject.TenantId), ("s", r.Subject.SubjectId), ("k", (int)r.Subject.Kind), ("kind", (int)r.Kind), ("status", (int)r.Status),
        ("p", r.OpenRequestKey), ("open", r.IsOpen), ("received", r.ReceivedAt), ("due", r.DueAt), ("version", r.Version), ("payload", StoredRecords.Serialize(r)),
    ];
}
