namespace GoSmart.Privacy.Storage;

/// <summary>Where audit events are appended. Append-only.</summary>
public interface IPrivacyAuditLog
{
    /// <summary>Appends an event.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Lists a request's events in order.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, CancellationToken cancellationToken);
}
