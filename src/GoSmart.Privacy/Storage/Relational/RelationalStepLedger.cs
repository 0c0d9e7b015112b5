using System.Data.Common;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>The steps of requests in a relational database; a claim, renewal or finish reads the row for update and decides by the lease rule of the base.</summary>
internal sealed class RelationalStepLedger(RelationalDatabase database) : StepLedgerBase
{
    private const string StepColumns = "handler, state, attempts, updated_at, result, error, owner, lease_until, progress";

    private const string Upsert = $"""
        INSERT INTO privacy_request_steps (request_id, {StepColumns}) VALUES (@r, @h, @state, @attempts, @at, @result, @error, @owner, @lease, @progress)
        ON CONFLICT (request_id, handler) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, updated_at = excluded.updated_at, result = excluded.result, error = excluded.error, owner = excluded.owner, lease_until = excluded.lease_until, progress = excluded.progress
        """;

    /// <inheritdoc />
    public override Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return database.WriteAsync(Upsert, cancellationToken, Parameters(step));
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var steps = await database.ListAsync($"SELECT {StepColumns} FROM privacy_request_steps WHERE request_id = @r", r => ReadStep(requestId, r), cancellationToken, ("r", requestId)).ConfigureAwait(false);
        return [.. steps.OrderBy(s => s.Handler, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public override Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        return database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var handler in handlers)
            {
                await database.ExecuteAsync(connection, transaction,
                    "INSERT INTO privacy_request_steps (request_id, handler, state, attempts, updated_at) VALUES (@r, @h, @state, 0, @at) ON CONFLICT DO NOTHING",
                    cancellationToken, ("r", requestId), ("h", handler), ("state", (int)StepState.Pending), ("at", now)).ConfigureAwait(false);
            }

            return handlers.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<T> DecideAsync<T>(Guid requestId, string handler, Func<StepRecord?, (StepRecord? Write, T Answer)> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return database.WriteAsync(async (connection, transaction) =>
        {
            // Held until commit: of two instances deciding at once, the second reads what the first wrote.
            var current = await database.FirstOrDefaultAsync(connection, transaction,
                $"SELECT {StepColumns} FROM privacy_request_steps WHERE request_id = @r AND handler = @h{database.Dialect.ForUpdate}", r => ReadStep(requestId, r), cancellationToken,
                ("r", requestId), ("h", handler)).ConfigureAwait(false);
            var (write, answer) = decide(current);
            if (write is not null)
            {
                await database.ExecuteAsync(connection, transaction, Upsert, cancellationToken, Parameters(write)).ConfigureAwait(false);
            }

            return answer;
        }, cancellationToken);
    }

    private StepRecord ReadStep(Guid requestId, DbDataReader reader) =>
        new(requestId, reader.GetString(0), (StepState)reader.GetInt32(1), reader.GetInt32(2), database.Dialect.ReadTime(reader, 3),
            reader.IsDBNull(4) ? null : StoredRecords.Deserialize<HandlerResult>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetString(5))
        {
            Owner = reader.IsDBNull(6) ? null : reader.GetString(6),
            LeaseUntil = reader.IsDBNull(7) ? null : database.Dialect.ReadTime(reader, 7),
            Progress = reader.IsDBNull(8) ? null : reader.GetString(8),
        };

    private static (string, object?)[] Parameters(StepRecord step) =>
    [
        ("r", step.RequestId), ("h", step.Handler), ("state", (int)step.State), ("attempts", step.Attempts), ("at", step.UpdatedAt),
        ("result", step.Result is null ? null : StoredRecords.Serialize(step.Result)), ("error", step.Error), ("owner", step.Owner), ("lease", step.LeaseUntil), ("progress", step.Progress),
    ];
}
