namespace GoSmart.Privacy.AspNetCore;

/// <summary>A request an administrator records because it arrived by e-mail, letter, telephone or in person.</summary>
/// <param name="SubjectId">The subject's id in the tenant (for someone without an account, their e-mail address).</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Channel">How it arrived: email, letter, phone or inPerson.</param>
/// <param name="Evidence">What shows it arrived and when, e.g. "letter dated 28 Nov 2026, received 2 Dec, scan DOC-118".</param>
/// <param name="ReceivedAt">When it arrived, if before today: the deadline runs from receipt.</param>
/// <param name="SubjectKind">Who the subject is to the tenant (default: a Subscriber, whose data the host processes for the tenant).</param>
/// <param name="Reason">What the requester wrote, in short.</param>
/// <param name="Purpose">The purpose objected to (objection only).</param>
public sealed record IntakeBody(string SubjectId, PrivacyRequestKind Kind, RequestChannel Channel, string Evidence, DateTimeOffset? ReceivedAt = null, DataSubjectKind SubjectKind = DataSubjectKind.Subscriber, string? Reason = null, string? Purpose = null);
