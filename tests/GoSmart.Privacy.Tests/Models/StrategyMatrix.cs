using System.Net;

namespace GoSmart.Privacy.Tests.Models;

public sealed class EraseEveryType
{
    [PersonalField(DataCategories.Name)] public string NonNullableText { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string? NullableText { get; set; }
    [PersonalField(DataCategories.Account)] public bool Flag { get; set; }
    [PersonalField(DataCategories.Account)] public char Initial { get; set; }
    [PersonalField(DataCategories.Age)] public int Number { get; set; }
    [PersonalField(DataCategories.Age)] public long? NullableNumber { get; set; }
    [PersonalField(DataCategories.Payment)] public decimal Amount { get; set; }
    [PersonalField(DataCategories.Location)] public double Coordinate { get; set; }
    [PersonalField(DataCategories.DateOfBirth)] public DateTime When { get; set; }
    [PersonalField(DataCategories.DateOfBirth)] public DateTimeOffset WhenOffset { get; set; }
    [PersonalField(DataCategories.DateOfBirth)] public DateOnly Day { get; set; }
    [PersonalField(DataCategories.DateOfBirth)] public TimeOnly Time { get; set; }
    [PersonalField(DataCategories.UniqueId)] public Guid Identifier { get; set; }
    [PersonalField(DataCategories.DeviceIpAddress)] public IPAddress? Ip { get; set; }
    [PersonalField(DataCategories.AccountStatus)] public ContactStatus Status { get; set; }
    [PersonalField(DataCategories.ContactEmail)] public List<string> Emails { get; set; } = [];
    [PersonalField(DataCategories.ContactEmail)] public string[] EmailArray { get; set; } = [];
    [PersonalField(DataCategories.ContactEmail)] public Dictionary<string, string> Labels { get; set; } = [];
}

public sealed class GeneralizeEveryType
{
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)] public DateTime When { get; set; }
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)] public DateTimeOffset WhenOffset { get; set; }
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)] public DateOnly Day { get; set; }
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)] public TimeOnly Time { get; set; }
    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] public IPAddress? V4 { get; set; }
    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] public IPAddress? V6 { get; set; }
    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] public IPAddress? Mapped { get; set; }
    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Generalize, BucketSize = 5)] public int Age { get; set; }
    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Generalize, BucketSize = 5)] public byte SmallAge { get; set; }
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Generalize, BucketSize = 100)] public decimal Amount { get; set; }
    [PersonalField(DataCategories.Location, Erasure = ErasureStrategy.Generalize, BucketSize = 1)] public double Latitude { get; set; }
    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Generalize, BucketSize = 10)] public int? NullableAge { get; set; }
}

public sealed class MaskAndHash
{
    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)] public string? Card { get; set; }
    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)] public string? ShortCard { get; set; }
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
    [PersonalField(DataCategories.UniqueId, Erasure = ErasureStrategy.Hash)] public Guid ExternalId { get; set; }
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public List<string?> Aliases { get; set; } = [];
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal Invoiced { get; set; }
}
