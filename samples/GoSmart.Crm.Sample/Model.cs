using GoSmart.Privacy;

namespace GoSmart.Crm.Sample;

/// <summary>A CRM contact: a customer's own contact (a Subscriber), tagged once.</summary>
public sealed class Contact
{
    [DataSubjectId] public string Id { get; set; } = "";
    [NotPersonalData(Reason = "the tenant key")] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string FullName { get; set; } = "";
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
    [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)] public string? Phone { get; set; }
    [PersonalField(DataCategories.Organization, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)] public string? Company { get; set; }
    [PersonalField(DataCategories.ContentPrivate)] public string? Notes { get; set; }
    public List<Deal> Deals { get; set; } = [];
    public PaymentMethod? Payment { get; set; }
}

/// <summary>A deal with the contact: its amount is an accounting record, kept under the legal obligation.</summary>
public sealed class Deal
{
    [NotPersonalData] public string Title { get; set; } = "";
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal Amount { get; set; }
}

/// <summary>A payment method: only the card's last four digits are ever kept.</summary>
public sealed class PaymentMethod
{
    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public string? CardLastFour { get; set; }
    [PersonalField(DataCategories.Name)] public string? Cardholder { get; set; }
}
