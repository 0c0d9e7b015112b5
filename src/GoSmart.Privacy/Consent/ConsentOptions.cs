namespace GoSmart.Privacy;

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
