namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Engine registrations in a relational database.</summary>
internal sealed class RelationalEngineRegistry(RelationalDatabase database) : IEngineRegistry
{
    /// <inheritdoc />
    public Task HeartbeatAsync(EngineRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return database.WriteAsync(
            "INSERT INTO privacy_engines (instance_id, service, handlers, heartbeat_at) VALUES (@i, @s, @h, @at) ON CONFLICT (instance_id) DO UPDATE SET service = excluded.service, handlers = excluded.handlers, heartbeat_at = excluded.heartbeat_at",
            cancellationToken, ("i", registration.InstanceId), ("s", registration.Service), ("h", StoredRecords.Serialize(registration.Handlers)), ("at", registration.HeartbeatAt));
    }

    /// <inheritdoc />
    public Task RetireServiceAsync(string service, CancellationToken cancellationToken) =>
        database.WriteAsync("DELETE FROM privacy_engines WHERE service = @s", cancellationToken, ("s", service));

    /// <inheritdoc />
    public async Task<IReadOnlyList<EngineRegistration>> GetEnginesAsync(CancellationToken cancellationToken) =>
        await database.ListAsync("SELECT instance_id, service, handlers, heartbeat_at FROM privacy_engines ORDER BY instance_id",
            r => new EngineRegistration(r.GetString(0), r.GetString(1), StoredRecords.Deserialize<List<HandlerRegistration>>(r.GetString(2)), database.Dialect.ReadTime(r, 3)), cancellationToken).ConfigureAwait(false);
}
