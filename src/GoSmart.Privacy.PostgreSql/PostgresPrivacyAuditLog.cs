using System.Runtime.CompilerServices;
using static GoSmart.Privacy.PostgreSql.PostgresCommands;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>The audit log in PostgreSQL, append-only.</summary>
public sealed class PostgresPrivacyAuditLog(PostgresPrivacyDatabase database) : IPrivacyAuditLog
{
    /// <inheritdoc />
    public Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            "INSERT INTO privacy_audit (at, request_id, tenant_id, subject_hash, event, handler, outcome, count) VALUES (@at, @r, @t, @h, @e, @handler, @o, @c)",
            cancellationToken, ("at", auditEvent.At), ("r", auditEvent.RequestId), ("t", auditEvent.TenantId), ("h", auditEvent.SubjectHash), ("e", auditEvent.Event),
            ("handler", auditEvent.Handler), ("o", auditEvent.Outcome), ("c", auditEvent.Count)), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT at, tenant_id, subject_hash, event, handler, outcome, count FROM privacy_audit WHERE request_id = @r ORDER BY id", ("r", requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PrivacyAuditEvent(reader.GetFieldValue<DateTimeOffset>(0), requestId, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6));
        }
    }
}
