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
}
