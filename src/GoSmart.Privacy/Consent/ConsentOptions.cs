namespace GoSmart.Privacy;

/// <summary>One version of a purpose's notice (the text a subject agrees to).</summary>
/// <param name="Version">The version number, from 1, increasing.</param>
/// <param name="IsMaterial">Whether the change to this version is material: grants given under earlier versions stop counting and the subject must be asked again.</param>
/// <param name="TextReference">Where the text of this version is kept, e.g. <c>notices/marketing-email@v3</c>.</param>
public sealed record NoticeVersion(int Version, bool IsMaterial, string? TextReference = null);

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

/// <summary>Settings of the consent ledger, under <see cref="PrivacyOptions.Consent"/>.</summary>
public sealed class ConsentOptions
{
    /// <summary>Gets the purposes subjects decide about.</summary>
    public IList<ConsentPurpose> Purposes { get; } = [];

    /// <summary>
    /// Gets the purposes a tenant declares for its own Subscribers, besides <see cref="Purposes"/>: in processor mode
    /// each customer asks its contacts for its own consents (its newsletter, its notices). A key may not repeat a
    /// shared purpose's key.
    /// </summary>
    public IDictionary<string, IList<ConsentPurpose>> TenantPurposes { get; } = new Dictionary<string, IList<ConsentPurpose>>(StringComparer.Ordinal);

    /// <summary>The purposes that apply to subjects of <paramref name="tenantId"/>: the shared ones and the tenant's own.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The purposes.</returns>
    public IEnumerable<ConsentPurpose> PurposesOf(string tenantId) =>
        TenantPurposes.TryGetValue(tenantId, out var own) ? Purposes.Concat(own) : Purposes;

    /// <summary>Gets or sets the jurisdiction receipts name, e.g. <c>EU</c>.</summary>
    public string Jurisdiction { get; set; } = "EU";

    /// <summary>Gets or sets the controller's name, for receipts.</summary>
    public string? ControllerName { get; set; }

    /// <summary>Gets or sets the controller's contact (e-mail or address), for receipts.</summary>
    public string? ControllerContact { get; set; }

    /// <summary>Gets or sets the privacy policy's address, for receipts.</summary>
    public Uri? PolicyUrl { get; set; }

    /// <summary>Gets or sets the member state (ISO 3166 alpha-2) whose age of digital consent applies when a grant names none; <see langword="null"/> means the GDPR default, 16.</summary>
    public string? DefaultCountry { get; set; }
}
