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
        return Task.FromResult(command.ExecuteScalar() is string payload ? FromJson<ConsentEvent>(payload) : null);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return ReadAsync("SELECT payload FROM consent_events WHERE tenant_id = $t AND subject_id = $s AND subject_kind = $k ORDER BY sequence",
            [("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind)], cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentEvent> ReadTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT payload FROM consent_events WHERE tenant_id = $t ORDER BY sequence", [("$t", tenantId)], cancellationToken);

    /// <inheritdoc />
    public Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT sequence, hash FROM consent_heads WHERE tenant_id = $t", ("$t", tenantId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? new ConsentChainHead(reader.GetInt64(0), reader.GetString(1)) : null);
    }

    private async IAsyncEnumerable<ConsentEvent> ReadAsync(string sql, (string, object?)[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return FromJson<ConsentEvent>(reader.GetString(0));
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }
}
