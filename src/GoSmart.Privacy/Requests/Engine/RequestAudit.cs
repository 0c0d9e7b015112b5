using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>Writes the audit trail of requests; the subject appears only as a keyed hash, as in certificates.</summary>
internal sealed class RequestAudit(IPrivacyAuditLog log, RedactionContext redaction, TimeProvider time)
{
    /// <summary>Appends an event about <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="auditEvent">What happened, e.g. <c>step.completed</c>.</param>
    /// <param name="handler">The handler concerned, if any.</param>
    /// <param name="outcome">The outcome; the request's status when not given.</param>
    /// <param name="count">How many records, if counted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public Task AppendAsync(PrivacyRequest request, string auditEvent, string? handler = null, string? outcome = null, int? count = null, CancellationToken cancellationToken = default) =>
        log.AppendAsync(new PrivacyAuditEvent(time.GetUtcNow(), request.Id, request.Subject.TenantId, SubjectHash(request.Subject), auditEvent, handler, outcome ?? request.Status.ToString(), count), cancellationToken);

    /// <summary>The subject as audit events and certificates hold it: a keyed hash of tenant and id.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The hash.</returns>
    public string SubjectHash(SubjectRef subject) => redaction.Pseudonymize(subject.TenantId + "\u001f" + subject.SubjectId);
}
