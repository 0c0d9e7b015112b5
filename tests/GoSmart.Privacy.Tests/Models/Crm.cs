using System.Net;

namespace GoSmart.Privacy.Tests.Models;

public enum ContactStatus
{
    Lead,
    Customer,
    Churned,
}

public class Address
{
    [PersonalField(DataCategories.ContactStreet)]
    public string? Street { get; set; }

    [PersonalField(DataCategories.ContactCity, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)]
    public string? City { get; set; }

    [PersonalField(DataCategories.ContactCountry, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)]
    public string? Country { get; set; }

    public string? Notes { get; set; }
}

public class Phone
{
    [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)]
    public string? Number { get; set; }

    [NotPersonalData]
    public string? Kind { get; set; }
}

public struct GeoPoint
{
    [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
    public double Latitude { get; set; }

    [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
    public double Longitude { get; set; }
}

/// <summary>A CRM contact with about twenty members: every kind of shape the SDK supports.</summary>
public class Contact
{
    [DataSubjectId]
    public Guid Id { get; set; }

    [NotPersonalData]
    public string TenantId { get; set; } = "";

    [PersonalField(DataCategories.FirstName)]
    public string FirstName { get; set; } = "";

    [PersonalField(DataCategories.LastName)]
    public string? LastName { get; set; }

    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash, ExportName = "email_address")]
    public string? Email { get; set; }

    [PersonalField(DataCategories.JobTitle)]
    public string? Title { get; set; }

    [PersonalField(DataCategories.Organization, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)]
    public string? Company { get; set; }

    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)]
    public DateOnly? BirthDate { get; set; }

    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Generalize, BucketSize = 10)]
    public int Age { get; set; }

    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)]
    public IPAddress? LastIp { get; set; }

    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)]
    public DateTimeOffset LastSeen { get; set; }

    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)]
    public string? CardLastFour { get; set; }

    [PersonalField(DataCategories.AccountStatus)]
    public ContactStatus Status { get; set; }

    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)]
    public decimal LifetimeValue { get; set; }

    [SensitiveField(SpecialCategory.Health)]
    public string? HealthNote { get; set; }

    public Address? Address { get; set; }

    public List<Phone> Phones { get; set; } = [];

    [PersonalField(DataCategories.ContactEmail)]
    public List<string> OtherEmails { get; set; } = [];

    [PersonalField(DataCategories.ContentPrivate, Erasure = ErasureStrategy.Mask, VisibleCharacters = 0)]
    public Dictionary<string, string?> CustomFields { get; set; } = [];

    public GeoPoint Location { get; set; }

    public int InternalScore { get; set; }
}

/// <summary>
/// A deal whose point of contact is optional, as Twenty's opportunity (<c>pointOfContactId uuid NULL</c>) and
/// EspoCRM's opportunity contact are: the record may belong to no one. Its lines name people by optional numeric ids.
/// </summary>
public class Deal
{
    [NotPersonalData]
    public Guid Id { get; set; }

    [DataSubjectId]
    public Guid? PointOfContactId { get; set; }

    [NotPersonalData]
    public string Title { get; set; } = "";

    [PersonalField(DataCategories.Name)]
    public string? ContactName { get; set; }

    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
    public string? ContactEmail { get; set; }

    public List<DealNote>? Notes { get; set; }
}

/// <summary>A note on a deal, written by someone who may since have left (their id is then null).</summary>
public class DealNote
{
    [DataSubjectId]
    public long? AuthorNumber { get; set; }

    [PersonalField(DataCategories.ContentMessage)]
    public string? Text { get; set; }
}
