namespace GoSmart.Privacy.Storage.Relational;

/// <summary>The audit log in a relational database, append-only.</summary>
internal sealed class RelationalAuditLog(RelationalDatabase database) : IPrivacyAuditLog
{
    /// <inheritdoc />
    public Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return database.WriteAsync("INSERT INTO privacy_audit (at, request_id, tenant_id, subject_hash, event, handler, outcome, count) VALUES (@at, @r, @t, @h, @e, @handler, @o, @c)",
            cancellationToken, ("at", auditEvent.At), ("r", auditEvent.RequestId), ("t", auditEvent.TenantId), ("h", auditEvent.SubjectHash),
            ("e", auditEvent.Event), ("handler", auditEvent.Handler), ("o", auditEvent.Outcome), ("c", auditEvent.Count));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, CancellationToken cancellationToken) =>
        database.QueryAsync("SELECT at, tenant_id, subject_hash, event, handler, outcome, count FROM privacy_audit WHERE request_id = @r ORDER BY id",
            r => new PrivacyAuditEvent(database.Dialect.ReadTime(r, 0), requestId, r.GetString(1), r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6)),
            cancellationToken, ("r", requestId));
}
