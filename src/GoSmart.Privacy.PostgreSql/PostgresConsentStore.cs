using System.Runtime.CompilerServices;
using static GoSmart.Privacy.PostgreSql.PostgresCommands;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>
/// The consent ledger in PostgreSQL. An append locks the tenant's head row (<c>FOR UPDATE</c>), so writers on
/// every instance extend one chain; the event, the head and the projection commit together.
/// </summary>
public sealed class PostgresConsentStore(PostgresPrivacyDatabase database, ConsentChain chain) : IConsentStore
{
    private const string Channel = "gosmart_consent";

    /// <inheritdoc />
    public bool IsShared => true;

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = System.Threading.Channels.Channel.CreateUnbounded<ConsentChange>();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, e) => changes.Writer.TryWrite(StoredRecords.Deserialize<ConsentChange>(e.Payload));
        await ExecuteAsync(connection, null, "LISTEN " + Channel, cancellationToken).ConfigureAwait(false);
        var waiting = connection.WaitAsync(cancellationToken);
        while (true)
        {
            while (changes.Reader.TryRead(out var change))
            {
                yield return change;
            }

            await waiting.ConfigureAwait(false);
            waiting = connection.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<ConsentEvent> AppendAsync(ConsentEvent draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return database.WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO consent_heads (tenant_id, sequence, hash) VALUES (@t, 0, '') ON CONFLICT DO NOTHING", cancellationToken, ("t", draft.TenantId)).ConfigureAwait(false);
            ConsentChainHead? head;
            await using (var read = Command(connection, transaction, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = @t FOR UPDATE", ("t", draft.TenantId)))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var sequence = reader.GetInt64(0);
                head = sequence == 0 ? null : new ConsentChainHead(sequence, reader.GetString(1));
            }

            var e = chain.Seal(draft, head);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO consent_events (tenant_id, sequence, id, subject_id, subject_kind, purpose, payload, previous_hash, hash) VALUES (@t, @seq, @id, @s, @k, @p, @payload, @prev, @hash)",
                cancellationToken, ("t", e.TenantId), ("seq", e.Sequence), ("id", e.Id), ("s", e.SubjectId), ("k", (int)e.SubjectKind), ("p", e.Purpose),
                ("payload", StoredRecords.Serialize(e)), ("prev", e.PreviousHash), ("hash", e.Hash)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "UPDATE consent_heads SET sequence = @seq, hash = @hash WHERE tenant_id = @t", cancellationToken,
                ("t", e.TenantId), ("seq", e.Sequence), ("hash", e.Hash)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "SELECT pg_notify(@channel, @change)", cancellationToken,
                ("channel", Channel), ("change", StoredRecords.Serialize(new ConsentChange(e.Subject, e.Purpose)))).ConfigureAwait(false); // delivered on commit
            await ExecuteAsync(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) VALUES (@t, @s, @k, @p, @seq) ON CONFLICT (tenant_id, subject_id, subject_kind, purpose) DO UPDATE SET sequence = excluded.sequence",
                cancellationToken, ("t", e.TenantId), ("s", e.SubjectId), ("k", (int)e.SubjectKind), ("p", e.Purpose), ("seq", e.Sequence)).ConfigureAwait(false);
            return e;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConsentEvent?> GetLatestAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT e.payload FROM consent_latest l JOIN consent_events e ON e.tenant_id = l.tenant_id AND e.sequence = l.sequence WHERE l.tenant_id = @t AND l.subject_id = @s AND l.subject_kind = @k AND l.purpose = @p",
            ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("p", purpose));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string payload && StoredRecords.Deserialize<ConsentEvent>(payload) is var latest && StoredRecords.Belongs(latest, subject, purpose) ? latest : null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = ReadAsync("SELECT payload FROM consent_events WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k ORDER BY sequence",
            [("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind)], r => StoredRecords.Deserialize<ConsentEvent>(r.GetString(0)), cancellationToken);
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
        ReadAsync("SELECT payload, tenant_id, sequence, id, subject_id, subject_kind, purpose, previous_hash, hash FROM consent_events WHERE tenant_id = @t ORDER BY sequence", [("t", tenantId)],
            r => StoredRecords.ConsentEventAsStored(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetGuid(3), r.GetString(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetString(8)), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentProjectionEntry> ReadProjectionAsync(string tenantId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT subject_id, subject_kind, purpose, sequence FROM consent_latest WHERE tenant_id = @t", [("t", tenantId)],
            r => new ConsentProjectionEntry(new SubjectRef(tenantId, r.GetString(0), (DataSubjectKind)r.GetInt32(1)), r.GetString(2), r.GetInt64(3)), cancellationToken);

    /// <inheritdoc />
    public Task RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM consent_latest WHERE tenant_id = @t", cancellationToken, ("t", tenantId)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) SELECT tenant_id, subject_id, subject_kind, purpose, MAX(sequence) FROM consent_events WHERE tenant_id = @t GROUP BY tenant_id, subject_id, subject_kind, purpose",
                cancellationToken, ("t", tenantId)).ConfigureAwait(false);
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = @t AND sequence > 0", ("t", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new ConsentChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, (string, object?)[] parameters, Func<Npgsql.NpgsqlDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }
}
