namespace GoSmart.Privacy;

/// <summary>A purpose of processing, as the consent ledger knows it.</summary>
public sealed class ConsentPurpose
{
    /// <summary>Creates a purpose.</summary>
    /// <param name="key">The purpose key, e.g. <c>marketing.communications.email</c>.</param>
    /// <param name="description">What the subject agrees to, in the notice's words.</param>
    /// <param name="legalBasis">The Art. 6(1) basis. Only <see cref="LegalBasis.Consent"/> purposes take grants; the others are allowed unless the subject objected.</param>
    public ConsentPurpose(string key, string description, LegalBasis legalBasis)
    {
        Key = key;
        Description = description;
        LegalBasis = legalBasis;
    }

    /// <summary>Gets the purpose key.</summary>
    public string Key { get; }

    /// <summary>Gets the description.</summary>
    public string Description { get; }

    /// <summary>Gets the legal basis.</summary>
    public LegalBasis LegalBasis { get; }

    /// <summary>Gets whether processing needs the subject's consent (the legal basis is consent).</summary>
    public bool RequiresConsent => LegalBasis == LegalBasis.Consent;

    /// <summary>Gets the notice versions, oldest first. A purpose with none has version 1, material.</summary>
    public IList<NoticeVersion> Notices { get; } = [];

    /// <summary>Gets or sets whether the purpose is a sale, sharing or targeted marketing: a Global Privacy Control signal objects to it.</summary>
    public bool OptOutByGlobalPrivacyControl { get; set; }

    /// <summary>Gets the data categories processed for the purpose (for consent receipts).</summary>
    public IList<string> Categories { get; } = [];

    /// <summary>Gets the third parties the data is disclosed to for the purpose (for consent receipts).</summary>
    public IList<string> ThirdParties { get; } = [];

    /// <summary>Gets the current notice version.</summary>
    public int CurrentVersion => Notices.Count == 0 ? 1 : Notices.Max(n => n.Version);

    /// <summary>Gets the oldest version a grant may have been given under and still count: the latest material one.</summary>
    public int MinimumValidVersion => Notices.Where(n => n.IsMaterial).Select(n => n.Version).DefaultIfEmpty(1).Max();
}
