namespace GoSmart.Privacy.Storage.Relational;

/// <summary>The replay ledger in a relational database: one row per erasure request, found by completion time.</summary>
internal sealed class RelationalErasureReplayLedger(RelationalDatabase database) : IErasureReplayLedger
{
    /// <inheritdoc />
    public Task RecordAsync(ErasureReplayEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync(
            """
            INSERT INTO privacy_erasure_replay (request_id, tenant_id, completed_at, payload) VALUES (@id, @t, @at, @payload)
            ON CONFLICT (request_id) DO UPDATE SET completed_at = excluded.completed_at, payload = excluded.payload
            """,
            cancellationToken, ("id", entry.RequestId), ("t", entry.TenantId), ("at", entry.CompletedAt), ("payload", StoredRecords.Serialize(entry)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ErasureReplayEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await database.ListAsync("SELECT payload FROM privacy_erasure_replay WHERE completed_at >= @since ORDER BY completed_at, request_id",
            r => StoredRecords.Deserialize<ErasureReplayEntry>(r.GetString(0)), cancellationToken, ("since", since)).ConfigureAwait(false);
}
