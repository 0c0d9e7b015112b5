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
                ("t", request.Subject.TenantId), ("s", request.Subject.SubjectId), ("k", (int)request.Subject.Kind), ("kind", (int)request.Kind), ("p", request.Purpose ?? (object)DBNull.Value)))
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
                INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at, result, error) VALUES (@r, @h, @state, @attempts, @at, @result, @error)
                ON CONFLICT (request_id, handler) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, updated_at = excluded.updated_at, result = excluded.result, error = excluded.error
                """,
                cancellationToken,
                ("r", step.RequestId), ("h", step.Handler), ("state", (int)step.State), ("attempts", step.Attempts), ("at", step.UpdatedAt),
                ("result", step.Result is null ? null : StoredRecords.Serialize(step.Result)), ("error", step.Error)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT handler, state, attempts, updated_at, result, error FROM privacy_request_steps WHERE request_id = @r", ("r", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var steps = new List<StepRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            steps.Add(new StepRecord(requestId, reader.GetString(0), (StepState)reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : StoredRecords.Deserialize<HandlerResult>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return [.. steps.OrderBy(s => s.Handler, StringComparer.Ordinal)];
    }

    private static PrivacyRequest Read(string payload, long version) => StoredRecords.Deserialize<PrivacyRequest>(payload) with { Version = version };

    private static (string, object?)[] Parameters(PrivacyRequest r) =>
    [
        ("id", r.Id), ("t", r.Subject.TenantId), ("s", r.Subject.SubjectId), ("k", (int)r.Subject.Kind), ("kind", (int)r.Kind), ("status", (int)r.Status),
        ("p", r.Purpose), ("open", r.IsOpen), ("received", r.ReceivedAt), ("due", r.DueAt), ("version", r.Version), ("payload", StoredRecords.Serialize(r)),
    ];
}
