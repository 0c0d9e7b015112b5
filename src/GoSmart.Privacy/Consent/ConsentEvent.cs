using System.Net;

namespace GoSmart.Privacy;

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
