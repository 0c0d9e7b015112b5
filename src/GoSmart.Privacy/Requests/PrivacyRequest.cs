namespace GoSmart.Privacy;

/// <summary>A data-subject request as the engine stores it. Immutable: every change is a new version.</summary>
public sealed record PrivacyRequest
{
    /// <summary>Gets the request's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets what the subject asks for.</summary>
    public required PrivacyRequestKind Kind { get; init; }

    /// <summary>Gets the subject and tenant.</summary>
    public required SubjectRef Subject { get; init; }

    /// <summary>Gets where the request is in its lifecycle.</summary>
    public required PrivacyRequestStatus Status { get; init; }

    /// <summary>Gets when the request was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets when the answer is due: one calendar month after receipt, or up to three after an extension (Art. 12(3)).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Gets who opened the request.</summary>
    public RequestOrigin Origin { get; init; }

    /// <summary>Gets the reason the subject or controller gave, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the purpose objected to, for an <see cref="PrivacyRequestKind.Objection"/>.</summary>
    public string? Purpose { get; init; }

    /// <summary>
    /// Gets what tells two open requests of one kind and subject apart — the purpose of an objection, the decision of
    /// an automated-decision review — or <see langword="null"/>: a second submission with the same key returns the
    /// open request. Stores keep it in their <c>purpose</c> column.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? OpenRequestKey => Kind == PrivacyRequestKind.AutomatedDecisionReview ? DecisionReference : Purpose;

    /// <summary>Gets the contested decision's reference: required for an <see cref="PrivacyRequestKind.AutomatedDecisionReview"/> (Art. 22).</summary>
    public string? DecisionReference { get; init; }

    /// <summary>Gets the corrections of a <see cref="PrivacyRequestKind.Rectification"/>.</summary>
    public IReadOnlyList<MemberCorrection> Corrections { get; init; } = [];

    /// <summary>Gets why the deadline was extended; <see langword="null"/> while it has not been.</summary>
    public string? ExtensionReason { get; init; }

    /// <summary>Gets why the request was rejected, cancelled or failed.</summary>
    public string? StatusReason { get; init; }

    /// <summary>Gets how the request arrived.</summary>
    public RequestChannel Channel { get; init; }

    /// <summary>Gets what shows how a request recorded by hand arrived.</summary>
    public string? Evidence { get; init; }

    /// <summary>Gets when the request reached a final status.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets, for a completed erasure, the tagged types with a subject id that no erasure handler covered: their records were not erased.</summary>
    public IReadOnlyList<string> UncoveredTypes { get; init; } = [];

    /// <summary>Gets, for a completed erasure, the tagged types the host acknowledged as out of scope, with the reasons.</summary>
    public IReadOnlyList<OutOfScopeType> OutOfScopeTypes { get; init; } = [];

    /// <summary>Gets the version the store assigned; an update must name the version it read.</summary>
    public long Version { get; init; }

    /// <summary>Gets whether the request is still open (received, awaiting verification or in progress).</summary>
    public bool IsOpen => Status is PrivacyRequestStatus.Received or PrivacyRequestStatus.AwaitingIdentityVerification or PrivacyRequestStatus.InProgress;

    /// <summary>Gets whether the deadline was extended (it can be, once).</summary>
    public bool IsExtended => ExtensionReason is not null;

    /// <summary>Whether the request is open after its deadline.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now > DueAt;
}
