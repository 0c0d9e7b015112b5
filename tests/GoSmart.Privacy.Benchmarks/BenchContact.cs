using System.Net;
using System.Text.Json.Serialization;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>Stand-in for ASP.NET Core Identity's attribute, found by its name as Identity's download page does.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataMarkerAttribute : Attribute
{
}

public sealed class BenchAddress
{
    [PersonalField(DataCategories.ContactStreet)] public string? Street { get; set; }
    [PersonalField(DataCategories.ContactCity)] public string? City { get; set; }
    [JsonIgnore] public string? Notes { get; set; }
}

public sealed class BenchPhone
{
    [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask)] public string? Number { get; set; }
}

/// <summary>A CRM contact with about twenty members: nested address, phone list, card last four, a special-category note.</summary>
public sealed class BenchContact
{
    [DataSubjectId, PersonalDataMarker] public Guid Id { get; set; }
    [JsonIgnore] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.FirstName), PersonalDataMarker] public string? FirstName { get; set; }
    [PersonalField(DataCategories.LastName), PersonalDataMarker] public string? LastName { get; set; }
    [PersonalField(DataCategories.ContactEmail), PersonalDataMarker] public string? Email { get; set; }
    [PersonalField(DataCategories.JobTitle), PersonalDataMarker] public string? Title { get; set; }
    [PersonalField(DataCategories.Organization), PersonalDataMarker] public string? Company { get; set; }
    [PersonalField(DataCategories.DateOfBirth), PersonalDataMarker] public DateTime? BirthDate { get; set; }
    [PersonalField(DataCategories.Age), PersonalDataMarker] public int Age { get; set; }
    [PersonalField(DataCategories.FinancialCreditCard), PersonalDataMarker] public string? CardLastFour { get; set; }
    [PersonalField(DataCategories.Payment), PersonalDataMarker] public decimal LifetimeValue { get; set; }
    [PersonalField(DataCategories.BehaviorServiceUsage), PersonalDataMarker] public DateTimeOffset LastSeen { get; set; }
    [PersonalField(DataCategories.Language), PersonalDataMarker] public string? Language { get; set; }
    [PersonalField(DataCategories.ContactCountry), PersonalDataMarker] public string? Country { get; set; }
    [SensitiveField(SpecialCategory.Health), PersonalDataMarker] public string? HealthNote { get; set; }
    [JsonIgnore] public int LeadScore { get; set; }
    [JsonIgnore] public bool IsArchived { get; set; }
    public BenchAddress? Address { get; set; }
    public List<BenchPhone> Phones { get; set; } = [];

    /// <summary>Puts the values back without allocating, so each erasure does the full work; the same cost in every Redact benchmark.</summary>
    public static void Restore(BenchContact c)
    {
        c.FirstName = "Ada";
        c.LastName = "Lovelace";
        c.Email = "ada@example.com";
        c.Title = "Analyst";
        c.Company = "Analytical Engines Ltd";
        c.BirthDate = new DateTime(1815, 12, 10);
        c.Age = 36;
        c.CardLastFour = "4242";
        c.LifetimeValue = 1299.50m;
        c.LastSeen = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero);
        c.Language = "en-GB";
        c.Country = "UK";
        c.HealthNote = "prefers large print";
        c.Address!.Street = "12 St James's Square";
        c.Address.City = "London";
        c.Phones[0].Number = "+44 20 7946 0018";
        c.Phones[1].Number = "+44 7700 900123";
    }

    public static BenchContact Sample() => new()
    {
        Id = Guid.Parse("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21"),
        TenantId = "acme",
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Title = "Analyst",
        Company = "Analytical Engines Ltd",
        BirthDate = new DateTime(1815, 12, 10),
        Age = 36,
        CardLastFour = "4242",
        LifetimeValue = 1299.50m,
        LastSeen = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero),
        Language = "en-GB",
        Country = "UK",
        HealthNote = "prefers large print",
        LeadScore = 87,
        Address = new BenchAddress { Street = "12 St James's Square", City = "London", Notes = "ring twice" },
        Phones = [new BenchPhone { Number = "+44 20 7946 0018" }, new BenchPhone { Number = "+44 7700 900123" }],
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchContact))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class BenchJsonContext : JsonSerializerContext
{
}
