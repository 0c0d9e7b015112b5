using GoSmart.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Crm.Sample;

/// <summary>A CRM contact: a customer's own contact (a Subscriber), tagged once. One id may be a contact in several tenants.</summary>
[PrimaryKey(nameof(TenantId), nameof(Id))]
public sealed class Contact
{
    [DataSubjectId] public string Id { get; set; } = "";
    [NotPersonalData(Reason = "the tenant key")] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string FullName { get; set; } = "";
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
    [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)] public string? Phone { get; set; }
    [PersonalField(DataCategories.Organization, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)] public string? Company { get; set; }
    [PersonalField(DataCategories.ContentPrivate)] public string? Notes { get; set; }
    [PersonalField(DataCategories.DateOfBirth)] public int? BirthYear { get; set; }
    public List<Deal> Deals { get; set; } = [];
    public PaymentMethod? Payment { get; set; }
}

/// <summary>A deal with the contact, stored with it (a JSON column): its amount is an accounting record, kept under the legal obligation.</summary>
[Owned]
public sealed class Deal
{
    [NotPersonalData] public string Title { get; set; } = "";
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal Amount { get; set; }
}

/// <summary>A payment method, stored with the contact: only the card's last four digits are ever kept.</summary>
[Owned]
public sealed class PaymentMethod
{
    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public string? CardLastFour { get; set; }
    [PersonalField(DataCategories.Name)] public string? Cardholder { get; set; }
}

/// <summary>A person signed in to the CRM's portal: an ASP.NET Core Identity user, in a tenant.</summary>
public sealed class CrmUser : IdentityUser
{
    [NotPersonalData(Reason = "the tenant key")] public string TenantId { get; set; } = "";
}

/// <summary>The CRM's database: its contacts and its Identity users.</summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<CrmUser>(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Contact>().OwnsMany(c => c.Deals, d => d.ToJson());
    }
}
