namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Legal holds in a relational database: the hold as a JSON payload, with the columns holds are found by.</summary>
internal sealed class RelationalLegalHoldStore(RelationalDatabase database) : ILegalHoldStore
{
    /// <inheritdoc />
    public Task AddAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return database.WriteAsync("INSERT INTO privacy_legal_holds (id, placed_at, released_at, payload) VALUES (@id, @at, NULL, @payload)",
            cancellationToken, ("id", hold.Id), ("at", hold.PlacedAt), ("payload", StoredRecords.Serialize(hold)));
    }

    /// <inheritdoc />
    public Task<LegalHold?> GetAsync(Guid holdId, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync("SELECT payload FROM privacy_legal_holds WHERE id = @id", r => StoredRecords.Deserialize<LegalHold>(r.GetString(0)), cancellationToken, ("id", holdId));

    /// <inheritdoc />
    public async Task<IReadOnlyList<LegalHold>> ListAsync(bool includeReleased, CancellationToken cancellationToken) =>
        await database.ListAsync($"SELECT payload FROM privacy_legal_holds {(includeReleased ? string.Empty : "WHERE released_at IS NULL ")}ORDER BY placed_at, id",
            r => StoredRecords.Deserialize<LegalHold>(r.GetString(0)), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(LegalHold released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(released);
        return await database.WriteAsync("UPDATE privacy_legal_holds SET released_at = @at, payload = @payload WHERE id = @id AND released_at IS NULL",
            cancellationToken, ("id", released.Id), ("at", released.ReleasedAt), ("payload", StoredRecords.Serialize(released))).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task RecordBlockedAsync(HeldStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return database.WriteAsync("INSERT INTO privacy_legal_hold_blocks (hold_id, request_id, handler, at) VALUES (@h, @r, @handler, @at) ON CONFLICT DO NOTHING",
            cancellationToken, ("h", step.HoldId), ("r", step.RequestId), ("handler", step.Handler), ("at", step.At));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HeldStep>> GetBlockedAsync(Guid holdId, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        return await database.ListAsync("SELECT hold_id, request_id, handler, at FROM privacy_legal_hold_blocks WHERE hold_id = @h ORDER BY at, request_id, handler",
            r => new HeldStep(dialect.ReadGuid(r, 0), dialect.ReadGuid(r, 1), r.GetString(2), dialect.ReadTime(r, 3)), cancellationToken, ("h", holdId)).ConfigureAwait(false);
    }
}
