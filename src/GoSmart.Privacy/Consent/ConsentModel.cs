using System.Net;

namespace GoSmart.Privacy;

/// <summary>What a subject decided about a purpose.</summary>
public enum ConsentDecision
{
    /// <summary>Consent given (Art. 7).</summary>
    Granted = 0,

    /// <summary>Consent withdrawn (Art. 7(3)): as easy as giving it, effective for the very next check.</summary>
    Withdrawn = 1,

    /// <summary>An objection (Art. 21), e.g. to direct marketing or from a Global Privacy Control signal.</summary>
    Objected = 2,
}

/// <summary>How a decision was collected.</summary>
public enum ConsentMethod
{
    /// <summary>A form the subject filled in.</summary>
    Form = 0,

    /// <summary>A cookie or consent banner.</summary>
    Banner = 1,

    /// <summary>An API call on the subject's behalf (e.g. from a mobile app's settings).</summary>
    Api = 2,

    /// <summary>Imported from another system, with its own evidence.</summary>
    Import = 3,

    /// <summary>A link in an e-mail (e.g. the unsubscribe link every marketing message carries).</summary>
    EmailLink = 4,

    /// <summary>A Global Privacy Control (<c>Sec-GPC: 1</c>) signal from the subject's browser.</summary>
    GlobalPrivacyControl = 5,
}

/// <summary>
/// What shows how a decision was made (Art. 7(1)): a reference to the exact text shown, the address truncated to
/// its network (never the full IP), the user agent, and for a child the reference of the parental consent.
/// </summary>
public sealed record ConsentEvidence
{
    /// <summary>Gets a reference to the form or notice text the subject saw, e.g. <c>forms/newsletter@v3</c>.</summary>
    public string? FormReference { get; init; }

    /// <summary>Gets the subject's network address, already truncated (IPv4 /24, IPv6 /48) by <see cref="ConsentEvidence.For"/>.</summary>
    public string? TruncatedIp { get; init; }

    /// <summary>Gets the user agent that sent the decision.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the reference of the holder of parental responsibility's consent (Art. 8(1)), for a subject under the age of digital consent.</summary>
    public string? ParentalConsentReference { get; init; }

    /// <summary>Creates evidence, truncating <paramref name="ip"/> so that no full address is ever stored.</summary>
    /// <param name="formReference">The form or notice text shown.</param>
    /// <param name="ip">The subject's address, or <see langword="null"/>.</param>
    /// <param name="userAgent">The user agent, or <see langword="null"/>.</param>
    /// <returns>The evidence.</returns>
    public static ConsentEvidence For(string? formReference, IPAddress? ip = null, string? userAgent = null) =>
        new() { FormReference = formReference, TruncatedIp = RedactionStrategies.Generalize(ip)?.ToString(), UserAgent = userAgent };
}

/// <summary>
/// One event of the consent ledger. Events are append-only and hash-chained per tenant: each event's
/// <see cref="Hash"/> covers its fields and the previous event's hash, so any altered, removed or reordered event
/// breaks the chain.
/// </summary>
public sealed record ConsentEvent
{
    /// <summary>Gets the event's id (also the consent receipt's id).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    [NotPersonalData(Reason = "the tenant (customer account) key")]
    public required string TenantId { get; init; }

    /// <summary>Gets the subject's id.</summary>
    [DataSubjectId]
    public required string SubjectId { get; init; }

    /// <summary>Gets the kind of subject.</summary>
    [NotPersonalData]
    public DataSubjectKind SubjectKind { get; init; }

    /// <summary>Gets the purpose key.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required string Purpose { get; init; }

    /// <summary>Gets the decision.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required ConsentDecision Decision { get; init; }

    /// <summary>Gets the version of the notice the subject saw.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required int NoticeVersion { get; init; }

    /// <summary>Gets when the decision was made.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets how the decision was collected.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required ConsentMethod Method { get; init; }

    /// <summary>Gets which app or page collected it.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public required string Source { get; init; }

    /// <summary>Gets the reference to the form or notice text shown.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public string? FormReference { get; init; }

    /// <summary>Gets the subject's truncated network address.</summary>
    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public string? TruncatedIp { get; init; }

    /// <summary>Gets the user agent.</summary>
    [PersonalField(DataCategories.Device, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public string? UserAgent { get; init; }

    /// <summary>Gets the reference of the parental consent, for a child.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public string? ParentalConsentReference { get; init; }

    /// <summary>Gets when a grant stops counting, if it expires.</summary>
    [PersonalField(DataCategories.PrivacyPreferences, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the event's position in its tenant's chain, from 1; assigned by the store.</summary>
    [NotPersonalData]
    public long Sequence { get; init; }

    /// <summary>Gets the previous event's hash (empty for the first); assigned by the store.</summary>
    [NotPersonalData]
    public string PreviousHash { get; init; } = string.Empty;

    /// <summary>Gets the event's chain hash; assigned by the store.</summary>
    [NotPersonalData]
    public string Hash { get; init; } = string.Empty;

    /// <summary>Gets the subject.</summary>
    public SubjectRef Subject => new(TenantId, SubjectId, SubjectKind);
}

/// <summary>How a tenant's chain was found.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="EventsChecked">How many events were read.</param>
/// <param name="FirstBrokenSequence">The first event where the chain breaks, or <see langword="null"/> when it is intact.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record ConsentIntegrityReport(string TenantId, long EventsChecked, long? FirstBrokenSequence, string? Problem)
{
    /// <summary>Gets whether the chain is intact.</summary>
    public bool IsIntact => FirstBrokenSequence is null;
}
