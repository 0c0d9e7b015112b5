using System.Data.Common;
using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Storage.Relational;

/// <summary>
/// The consent ledger in a relational database. An append reads the tenant's head row for update, so writers in
/// every process extend one chain; the event, the head and the (subject, purpose) projection commit together.
/// </summary>
internal sealed class RelationalConsentStore(RelationalDatabase database, ConsentChain chain) : IConsentStore
{
    /// <inheritdoc />
    public bool IsShared => database.Dialect.IsShared;

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentChange> WatchAsync(CancellationToken cancellationToken) => database.Dialect.WatchConsentAsync(database, cancellationToken);

    /// <inheritdoc />
    public Task<ConsentEvent> AppendAsync(ConsentEvent draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (database.Dialect.ForUpdate.Length > 0)
            {
                // Rows are locked one by one: a tenant's first append creates its head at sequence 0, so there is always a row to hold.
                await database.ExecuteAsync(connection, transaction, "INSERT INTO consent_heads (tenant_id, sequence, hash) VALUES (@t, 0, '') ON CONFLICT DO NOTHING", cancellationToken, ("t", draft.TenantId)).ConfigureAwait(false);
            }

            var head = await database.FirstOrDefaultAsync(connection, transaction, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = @t" + database.Dialect.ForUpdate, ReadHead, cancellationToken, ("t", draft.TenantId)).ConfigureAwait(false);
            var e = chain.Seal(draft, head is { Sequence: > 0 } ? head : null);
            await database.ExecuteAsync(connection, transaction,
                "INSERT INTO consent_events (tenant_id, sequence, id, subject_id, subject_kind, purpose, payload, previous_hash, hash) VALUES (@t, @seq, @id, @s, @k, @p, @payload, @prev, @hash)",
                cancellationToken, ("t", e.TenantId), ("seq", e.Sequence), ("id", e.Id), ("s", e.SubjectId), ("k", (int)e.SubjectKind), ("p", e.Purpose),
                ("payload", StoredRecords.Serialize(e)), ("prev", e.PreviousHash), ("hash", e.Hash)).ConfigureAwait(false);
            await database.ExecuteAsync(connection, transaction, "INSERT INTO consent_heads (tenant_id, sequence, hash) VALUES (@t, @seq, @hash) ON CONFLICT (tenant_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash", cancellationToken,
                ("t", e.TenantId), ("seq", e.Sequence), ("hash", e.Hash)).ConfigureAwait(false);
            await database.ExecuteAsync(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) VALUES (@t, @s, @k, @p, @seq) ON CONFLICT (tenant_id, subject_id, subject_kind, purpose) DO UPDATE SET sequence = excluded.sequence",
                cancellationToken, ("t", e.TenantId), ("s", e.SubjectId), ("k", (int)e.SubjectKind), ("p", e.Purpose), ("seq", e.Sequence)).ConfigureAwait(false);
            if (database.Dialect.ConsentNotifySql is { } notify)
            {
                await database.ExecuteAsync(connection, transaction, notify, cancellationToken, ("change", StoredRecords.Serialize(new ConsentChange(e.Subject, e.Purpose)))).ConfigureAwait(false); // delivered on commit
            }

            return e;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConsentEvent?> GetLatestAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var latest = await database.FirstOrDefaultAsync(
            "SELECT e.payload FROM consent_latest l JOIN consent_events e ON e.tenant_id = l.tenant_id AND e.sequence = l.sequence WHERE l.tenant_id = @t AND l.subject_id = @s AND l.subject_kind = @k AND l.purpose = @p",
            r => StoredRecords.Deserialize<ConsentEvent>(r.GetString(0)), cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("p", purpose)).ConfigureAwait(false);
        return latest is not null && StoredRecords.Belongs(latest, subject, purpose) ? latest : null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = database.QueryAsync("SELECT payload FROM consent_events WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k ORDER BY sequence",
            r => StoredRecords.Deserialize<ConsentEvent>(r.GetString(0)), cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind));
        await foreach (var e in rows.ConfigureAwait(false))
        {
            if (StoredRecords.Belongs(e, subject))
            {
                yield return e; // a row whose column was moved onto this subject is not theirs
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentEvent> ReadTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT payload, tenant_id, sequence, id, subject_id, subject_kind, purpose, previous_hash, hash FROM consent_events WHERE tenant_id = @t ORDER BY sequence",
            r => StoredRecords.ConsentEventAsStored(r.GetString(0), r.GetString(1), r.GetInt64(2), database.Dialect.ReadGuid(r, 3), r.GetString(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetString(8)),
            cancellationToken, ("t", tenantId));

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentProjectionEntry> ReadProjectionAsync(string tenantId, CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT subject_id, subject_kind, purpose, sequence FROM consent_latest WHERE tenant_id = @t",
            r => new ConsentProjectionEntry(new SubjectRef(tenantId, r.GetString(0), (DataSubjectKind)r.GetInt32(1)), r.GetString(2), r.GetInt64(3)), cancellationToken, ("t", tenantId));

    /// <inheritdoc />
    public Task RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await database.ExecuteAsync(connection, transaction, "DELETE FROM consent_latest WHERE tenant_id = @t", cancellationToken, ("t", tenantId)).ConfigureAwait(false);
            return await database.ExecuteAsync(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) SELECT tenant_id, subject_id, subject_kind, purpose, MAX(sequence) FROM consent_events WHERE tenant_id = @t GROUP BY tenant_id, subject_id, subject_kind, purpose",
                cancellationToken, ("t", tenantId)).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync("SELECT sequence, hash FROM consent_heads WHERE tenant_id = @t AND sequence > 0", ReadHead, cancellationToken, ("t", tenantId));

    private static ConsentChainHead? ReadHead(DbDataReader reader) => new(reader.GetInt64(0), reader.GetString(1));
}
