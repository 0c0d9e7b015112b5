namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Restrictions (Art. 18) and objections (Art. 21) in a relational database.</summary>
internal sealed class RelationalRestrictionStore(RelationalDatabase database) : IRestrictionStore
{
    /// <inheritdoc />
    public bool IsShared => database.Dialect.IsShared;

    /// <inheritdoc />
    public Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return database.WriteAsync(
            """
            INSERT INTO privacy_restrictions (tenant_id, subject_id, subject_kind, restricted, updated_at) VALUES (@t, @s, @k, @r, @at)
            ON CONFLICT (tenant_id, subject_id, subject_kind) DO UPDATE SET restricted = excluded.restricted, updated_at = excluded.updated_at
            """,
            cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("r", restricted), ("at", at));
    }

    /// <inheritdoc />
    public Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return database.WriteAsync("INSERT INTO privacy_objections (tenant_id, subject_id, subject_kind, purpose, at) VALUES (@t, @s, @k, @p, @at) ON CONFLICT DO NOTHING",
            cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("p", purpose), ("at", at));
    }

    /// <inheritdoc />
    public async Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return await database.FirstOrDefaultAsync("SELECT restricted FROM privacy_restrictions WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k",
            r => r.GetBoolean(0), cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return await database.ListAsync("SELECT purpose FROM privacy_objections WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k ORDER BY purpose",
            r => r.GetString(0), cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind)).ConfigureAwait(false);
    }
}
