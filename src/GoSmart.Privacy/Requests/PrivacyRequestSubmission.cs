namespace GoSmart.Privacy;

/// <summary>What a caller submits to open a request.</summary>
/// <param name="Kind">What the subject asks for.</param>
/// <param name="Subject">The subject and tenant.</param>
public sealed record PrivacyRequestSubmission(PrivacyRequestKind Kind, SubjectRef Subject)
{
    /// <summary>Gets the reason given, if any (kept with the request; never shown to other subjects).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the purpose objected to: required for an <see cref="PrivacyRequestKind.Objection"/>.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets the contested decision's reference: required for an <see cref="PrivacyRequestKind.AutomatedDecisionReview"/> (Art. 22).</summary>
    public string? DecisionReference { get; init; }

    /// <summary>Gets the corrections: required for a <see cref="PrivacyRequestKind.Rectification"/>.</summary>
    public IReadOnlyList<MemberCorrection> Corrections { get; init; } = [];

    /// <summary>
    /// Gets how the request arrived (default <see cref="RequestChannel.SelfService"/>). Only a self-service request is
    /// decided by the host's <c>IIdentityVerifier</c>; one from any other channel waits in
    /// <see cref="PrivacyRequestStatus.AwaitingIdentityVerification"/> until the e-mail link is followed or an
    /// administrator confirms the requester (<see cref="IPrivacyRequestService.ConfirmIdentityAsync"/>).
    /// </summary>
    public RequestChannel Channel { get; init; }

    /// <summary>Gets what shows how the request arrived, for a request recorded by hand: e.g. "e-mail of 2 Dec 2026 to privacy@…, ref. 4411". Required for <see cref="RequestChannel.Email"/>, <see cref="RequestChannel.Letter"/>, <see cref="RequestChannel.Phone"/> and <see cref="RequestChannel.InPerson"/>.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// Gets when the request was received, when that was before it is recorded (a letter entered days later): the
    /// deadline runs from receipt (Art. 12(3)). Not in the future, and at most 30 days back; default: now.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
