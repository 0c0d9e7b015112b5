namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Retention cursors and held windows in a relational database; a cursor is written only over the version it was read with.</summary>
internal sealed class RelationalRetentionSweepStore(RelationalDatabase database) : IRetentionSweepStore
{
    /// <inheritdoc />
    public Task<RetentionCursor?> GetCursorAsync(string rule, string handler, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync("SELECT payload, version FROM privacy_retention_cursors WHERE rule = @r AND handler = @h",
            r => StoredRecords.Deserialize<RetentionCursor>(r.GetString(0)) with { Version = r.GetInt64(1) }, cancellationToken, ("r", rule), ("h", handler));

    /// <inheritdoc />
    public async Task<bool> TrySaveCursorAsync(RetentionCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var stored = cursor with { Version = cursor.Version + 1 };
        var written = cursor.Version == 0
            ? await database.WriteAsync("INSERT INTO privacy_retention_cursors (rule, handler, version, payload) VALUES (@r, @h, 1, @payload) ON CONFLICT DO NOTHING",
                cancellationToken, ("r", cursor.Rule), ("h", cursor.Handler), ("payload", StoredRecords.Serialize(stored))).ConfigureAwait(false)
            : await database.WriteAsync("UPDATE privacy_retention_cursors SET version = @v, payload = @payload WHERE rule = @r AND handler = @h AND version = @read",
                cancellationToken, ("r", cursor.Rule), ("h", cursor.Handler), ("v", stored.Version), ("read", cursor.Version), ("payload", StoredRecords.Serialize(stored))).ConfigureAwait(false);
        return written == 1;
    }

    /// <inheritdoc />
    public Task RecordHeldAsync(RetentionHeldWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        return database.WriteAsync(
            "INSERT INTO privacy_retention_held (hold_id, rule, handler, expired_after, expired_before) VALUES (@id, @r, @h, @after, @before) ON CONFLICT DO NOTHING",
            cancellationToken, ("id", window.HoldId), ("r", window.Rule), ("h", window.Handler), ("after", window.ExpiredAfter), ("before", window.ExpiredBefore));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RetentionHeldWindow>> GetHeldAsync(Guid holdId, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        return await database.ListAsync("SELECT hold_id, rule, handler, expired_after, expired_before FROM privacy_retention_held WHERE hold_id = @id ORDER BY rule, handler, expired_before",
            r => new RetentionHeldWindow(dialect.ReadGuid(r, 0), r.GetString(1), r.GetString(2), dialect.ReadTime(r, 3), dialect.ReadTime(r, 4)), cancellationToken, ("id", holdId)).ConfigureAwait(false);
    }
}
