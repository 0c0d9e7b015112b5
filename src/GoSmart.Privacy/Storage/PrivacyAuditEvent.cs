namespace GoSmart.Privacy.Storage;

/// <summary>
/// One audit event: a state change or a handler outcome. It holds no raw personal data: the subject is a keyed
/// hash (the same subject always has the same hash under one key, and nobody without the key can reverse it).
/// </summary>
/// <param name="At">When.</param>
/// <param name="RequestId">The request.</param>
/// <param name="TenantId">The tenant the request runs for.</param>
/// <param name="SubjectHash">The subject id as a keyed hash.</param>
/// <param name="Event">What happened, e.g. <c>received</c>, <c>verified</c>, <c>step.completed</c>.</param>
/// <param name="Handler">The handler, for step events.</param>
/// <param name="Outcome">The status or step state after the event.</param>
/// <param name="Count">The handler's count of changed, applied or exported values, when there is one.</param>
public sealed record PrivacyAuditEvent(DateTimeOffset At, Guid RequestId, string TenantId, string SubjectHash, string Event, string? Handler, string? Outcome, int? Count);
