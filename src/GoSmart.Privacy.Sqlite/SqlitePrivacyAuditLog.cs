using System.Runtime.CompilerServices;
using static GoSmart.Privacy.Sqlite.SqliteText;

namespace GoSmart.Privacy.Sqlite;

/// <summary>The audit log in SQLite, append-only.</summary>
public sealed class SqlitePrivacyAuditLog(SqlitePrivacyDatabase database) : IPrivacyAuditLog
{
    /// <inheritdoc />
    public Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        database.Write((connection, transaction) =>
        {
            using var insert = Command(connection, transaction,
                "INSERT INTO privacy_audit (at, request_id, tenant_id, subject_hash, event, handler, outcome, count) VALUES ($at, $r, $t, $h, $e, $handler, $o, $c)",
                ("$at", Time(auditEvent.At)), ("$r", auditEvent.RequestId.ToString("D")), ("$t", auditEvent.TenantId), ("$h", auditEvent.SubjectHash),
                ("$e", auditEvent.Event), ("$handler", auditEvent.Handler), ("$o", auditEvent.Outcome), ("$c", auditEvent.Count));
            return insert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT at, tenant_id, subject_hash, event, handler, outcome, count FROM privacy_audit WHERE request_id = $r ORDER BY id", ("$r", requestId.ToString("D")));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PrivacyAuditEvent(Time(reader.GetString(0)), requestId, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6));
        }
    }
}
