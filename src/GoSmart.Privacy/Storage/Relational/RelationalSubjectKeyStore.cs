namespace GoSmart.Privacy.Storage.Relational;

/// <summary>Subject keys in a relational database: the wrapped key as base64, and a tombstone once destroyed.</summary>
internal sealed class RelationalSubjectKeyStore(RelationalDatabase database) : ISubjectKeyStore
{
    private const string Columns = "tenant_id, subject_hash, wrapped_key, created_at, destroyed_at";

    /// <inheritdoc />
    public Task<SubjectKeyRecord?> GetAsync(string tenantId, string subjectHash, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync($"SELECT {Columns} FROM privacy_subject_keys WHERE tenant_id = @t AND subject_hash = @s", Read, cancellationToken, ("t", tenantId), ("s", subjectHash));

    /// <inheritdoc />
    public async Task<SubjectKeyRecord> AddOrGetAsync(SubjectKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await database.WriteAsync($"INSERT INTO privacy_subject_keys ({Columns}) VALUES (@t, @s, @k, @at, NULL) ON CONFLICT DO NOTHING",
            cancellationToken, ("t", record.TenantId), ("s", record.SubjectHash), ("k", Convert.ToBase64String(record.WrappedKey!)), ("at", record.CreatedAt)).ConfigureAwait(false);
        return (await GetAsync(record.TenantId, record.SubjectHash, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<bool> DestroyAsync(string tenantId, string subjectHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var destroyed = await database.ExecuteAsync(connection, transaction,
                "UPDATE privacy_subject_keys SET wrapped_key = NULL, destroyed_at = @at WHERE tenant_id = @t AND subject_hash = @s AND destroyed_at IS NULL",
                cancellationToken, ("t", tenantId), ("s", subjectHash), ("at", at)).ConfigureAwait(false);
            if (destroyed == 0)
            {
                // No key yet (or destroyed already): a tombstone, so no key is ever created for the subject again.
                await database.ExecuteAsync(connection, transaction, $"INSERT INTO privacy_subject_keys ({Columns}) VALUES (@t, @s, NULL, @at, @at) ON CONFLICT DO NOTHING",
                    cancellationToken, ("t", tenantId), ("s", subjectHash), ("at", at)).ConfigureAwait(false);
            }

            return destroyed == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubjectKeyRecord>> ListLiveAsync((string TenantId, string SubjectHash)? after, int take, CancellationToken cancellationToken) =>
        after is { } a
            ? await database.ListAsync($"SELECT {Columns} FROM privacy_subject_keys WHERE destroyed_at IS NULL AND (tenant_id > @t OR (tenant_id = @t AND subject_hash > @s)) ORDER BY tenant_id, subject_hash LIMIT {take}",
                Read, cancellationToken, ("t", a.TenantId), ("s", a.SubjectHash)).ConfigureAwait(false)
            : await database.ListAsync($"SELECT {Columns} FROM privacy_subject_keys WHERE destroyed_at IS NULL ORDER BY tenant_id, subject_hash LIMIT {take}", Read, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<bool> RewrapAsync(SubjectKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await database.WriteAsync("UPDATE privacy_subject_keys SET wrapped_key = @k WHERE tenant_id = @t AND subject_hash = @s AND destroyed_at IS NULL",
            cancellationToken, ("t", record.TenantId), ("s", record.SubjectHash), ("k", Convert.ToBase64String(record.WrappedKey!))).ConfigureAwait(false) == 1;
    }

    private SubjectKeyRecord Read(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : Convert.FromBase64String(r.GetString(2)), database.Dialect.ReadTime(r, 3), r.IsDBNull(4) ? null : database.Dialect.ReadTime(r, 4));
}
