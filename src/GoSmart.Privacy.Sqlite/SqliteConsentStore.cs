using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using static GoSmart.Privacy.Sqlite.SqliteText;

namespace GoSmart.Privacy.Sqlite;

/// <summary>
/// The consent ledger in SQLite: events, the per-tenant head and the (subject, purpose) projection are written in
/// one immediate transaction, so concurrent writers — threads or processes — extend one chain.
/// </summary>
public sealed class SqliteConsentStore(SqlitePrivacyDatabase database, ConsentChain chain) : IConsentStore
{
    /// <inheritdoc />
    public Task<ConsentEvent> AppendAsync(ConsentEvent draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Task.FromResult(database.Write((connection, transaction) =>
        {
            ConsentChainHead? head = null;
            using (var read = Command(connection, transaction, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = $t", ("$t", draft.TenantId)))
            using (var reader = read.ExecuteReader())
            {
                if (reader.Read())
                {
                    head = new ConsentChainHead(reader.GetInt64(0), reader.GetString(1));
                }
            }

            var sealedEvent = chain.Seal(draft, head);
            Execute(connection, transaction,
                "INSERT INTO consent_events (tenant_id, sequence, id, subject_id, subject_kind, purpose, payload, previous_hash, hash) VALUES ($t, $seq, $id, $s, $k, $p, $payload, $prev, $hash)",
                ("$t", sealedEvent.TenantId), ("$seq", sealedEvent.Sequence), ("$id", sealedEvent.Id.ToString("D")), ("$s", sealedEvent.SubjectId), ("$k", (int)sealedEvent.SubjectKind),
                ("$p", sealedEvent.Purpose), ("$payload", ToJson(sealedEvent)), ("$prev", sealedEvent.PreviousHash), ("$hash", sealedEvent.Hash));
            Execute(connection, transaction,
                "INSERT INTO consent_heads (tenant_id, sequence, hash) VALUES ($t, $seq, $hash) ON CONFLICT (tenant_id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash",
                ("$t", sealedEvent.TenantId), ("$seq", sealedEvent.Sequence), ("$hash", sealedEvent.Hash));
            Execute(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) VALUES ($t, $s, $k, $p, $seq) ON CONFLICT (tenant_id, subject_id, subject_kind, purpose) DO UPDATE SET sequence = excluded.sequence",
                ("$t", sealedEvent.TenantId), ("$s", sealedEvent.SubjectId), ("$k", (int)sealedEvent.SubjectKind), ("$p", sealedEvent.Purpose), ("$seq", sealedEvent.Sequence));
            return sealedEvent;
        }));
    }

    /// <inheritdoc />
    public Task<ConsentEvent?> GetLatestAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        using var connection = database.Open();
        using var command = Command(connection, null,
            "SELECT e.payload FROM consent_latest l JOIN consent_events e ON e.tenant_id = l.tenant_id AND e.sequence = l.sequence WHERE l.tenant_id = $t AND l.subject_id = $s AND l.subject_kind = $k AND l.purpose = $p",
            ("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind), ("$p", purpose));
        return Task.FromResult(command.ExecuteScalar() is string payload && FromJson<ConsentEvent>(payload) is var latest && StoredRecords.Belongs(latest, subject, purpose) ? latest : null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var rows = ReadAsync("SELECT payload FROM consent_events WHERE tenant_id = $t AND subject_id = $s AND subject_kind = $k ORDER BY sequence",
            [("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind)], r => FromJson<ConsentEvent>(r.GetString(0)), cancellationToken);
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
        ReadAsync("SELECT payload, tenant_id, sequence, id, subject_id, subject_kind, purpose, previous_hash, hash FROM consent_events WHERE tenant_id = $t ORDER BY sequence", [("$t", tenantId)],
            r => StoredRecords.ConsentEventAsStored(r.GetString(0), r.GetString(1), r.GetInt64(2), Guid.Parse(r.GetString(3)), r.GetString(4), r.GetInt32(5), r.GetString(6), r.GetString(7), r.GetString(8)), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentProjectionEntry> ReadProjectionAsync(string tenantId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT subject_id, subject_kind, purpose, sequence FROM consent_latest WHERE tenant_id = $t", [("$t", tenantId)],
            r => new ConsentProjectionEntry(new SubjectRef(tenantId, r.GetString(0), (DataSubjectKind)r.GetInt32(1)), r.GetString(2), r.GetInt64(3)), cancellationToken);

    /// <inheritdoc />
    public Task RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        database.Write((connection, transaction) =>
        {
            Execute(connection, transaction, "DELETE FROM consent_latest WHERE tenant_id = $t", ("$t", tenantId));
            Execute(connection, transaction,
                "INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) SELECT tenant_id, subject_id, subject_kind, purpose, MAX(sequence) FROM consent_events WHERE tenant_id = $t GROUP BY tenant_id, subject_id, subject_kind, purpose",
                ("$t", tenantId));
            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = $t", ("$t", tenantId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new ConsentChainHead(reader.GetInt64(0), reader.GetString(1)) : null);
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, (string, object?)[] parameters, Func<SqliteDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return read(reader);
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }
}
