namespace GoSmart.Privacy.AspNetCore;

/// <summary>The body of a request submission.</summary>
/// <param name="Kind">What is asked: access, portability, erasure, rectification, restriction, liftRestriction, objection.</param>
/// <param name="Reason">An optional reason.</param>
/// <param name="Purpose">The purpose objected to (objection only).</param>
/// <param name="Corrections">The corrections (rectification only).</param>
/// <param name="DecisionReference">The contested automated decision (Art. 22 review only).</param>
public sealed record SubmitRequestBody(PrivacyRequestKind Kind, string? Reason = null, string? Purpose = null, IReadOnlyList<MemberCorrection>? Corrections = null, string? DecisionReference = null);

/// <summary>The body of a request an administrator opens for a Subscriber of their tenant.</summary>
/// <param name="SubjectId">The Subscriber's id in the tenant.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Reason">An optional reason.</param>
/// <param name="Purpose">The purpose objected to (objection only).</param>
public sealed record AdminRequestBody(string SubjectId, PrivacyRequestKind Kind, string? Reason = null, string? Purpose = null);

/// <summary>The body of a consent change.</summary>
/// <param name="Granted">Whether the subject grants (true) or withdraws (false).</param>
public sealed record ConsentChangeBody(bool Granted);

/// <summary>A request as the endpoints show it: no other subject's data, the status and the deadline.</summary>
/// <param name="Id">The request.</param>
/// <param name="Kind">What was asked.</param>
/// <param name="Status">Where it is.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="DueAt">When the answer is due.</param>
/// <param name="StatusReason">Why it was rejected, cancelled or failed.</param>
/// <param name="PackageReady">Whether its package can be downloaded now.</param>
public sealed record RequestView(Guid Id, PrivacyRequestKind Kind, PrivacyRequestStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string? StatusReason, bool PackageReady)
{
    /// <summary>Gets the status in plain words, in the caller's language (<c>Accept-Language</c> or <c>?lang=</c>: English, German, French, Spanish), e.g. "Done — some data kept because the law requires or allows it".</summary>
    public string StatusText { get; init; } = "";

    /// <summary>Gets why the deadline was extended (Art. 12(3)), when it was.</summary>
    public string? ExtensionReason { get; init; }

    /// <summary>Gets how the request arrived.</summary>
    public RequestChannel Channel { get; init; }
}

/// <summary>A purpose and whether processing for it is allowed for the caller.</summary>
/// <param name="Purpose">The purpose key.</param>
/// <param name="Description">What it is.</param>
/// <param name="LegalBasis">Its legal basis.</param>
/// <param name="Allowed">Whether it is allowed now.</param>
public sealed record ConsentView(string Purpose, string Description, LegalBasis LegalBasis, bool Allowed);

/// <summary>What a tenant administrator places a legal hold on, and why.</summary>
/// <param name="Scope">Subject, Tenant (the tenant itself), Category or Handler.</param>
/// <param name="Target">The subject id, the tenant id, the category key or the handler's name.</param>
/// <param name="Reason">Why the data is held.</param>
/// <param name="Reference">The case or matter reference, if any.</param>
public sealed record LegalHoldBody(LegalHoldScope Scope, string Target, string Reason, string? Reference = null);
