using System.Collections.ObjectModel;
using System.Net;

namespace GoSmart.Privacy.Tests.Models;

public class BaseAccount
{
    [DataSubjectId]
    public long AccountId { get; set; }

    [PersonalField(DataCategories.ContactEmail)]
    public string? LoginEmail { get; set; }
}

public sealed class CustomerAccount : BaseAccount
{
    [PersonalField(DataCategories.Name)]
    public string? Name { get; set; }
}

public sealed class PrivateMembers
{
    [PersonalField(DataCategories.ContactPhone)]
    private string? _secretPhone;

    [PersonalField(DataCategories.Name)]
    internal string? InternalName { get; private set; }

    [PersonalField(DataCategories.ContactEmail)]
    public string? PublicField;

    public PrivateMembers(string? phone, string? name)
    {
        _secretPhone = phone;
        InternalName = name;
    }

    public string? Phone => _secretPhone;
}

public sealed class NullableValues
{
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)]
    public DateTime? BirthDate { get; set; }

    [PersonalField(DataCategories.Age)]
    public int? Age { get; set; }

    [PersonalField(DataCategories.UniqueId, Erasure = ErasureStrategy.Hash)]
    public Guid? ExternalId { get; set; }
}

public sealed class Person
{
    [DataSubjectId]
    public int Id { get; set; }

    [PersonalField(DataCategories.Name)]
    public string? Name { get; set; }

    public Person? Manager { get; set; }

    public List<Person> Reports { get; set; } = [];
}

public sealed class HashSetHolder
{
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
    public HashSet<string> Emails { get; set; } = [];

    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
    public IReadOnlyList<string> ReadOnlyEmails { get; } = new ReadOnlyCollection<string>(["a@example.com"]);
}

public struct Money
{
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Generalize, BucketSize = 100)]
    public decimal Amount { get; set; }
}

public sealed class Invoice
{
    [DataSubjectId]
    public string CustomerId { get; set; } = "";

    public Money Total { get; set; }

    public Money[] Lines { get; set; } = [];

    public Dictionary<string, Money> ByMonth { get; set; } = [];

    public Dictionary<string, Phone> PhonesByLabel { get; set; } = [];
}

public sealed class Computed
{
    [PersonalField(DataCategories.Name)]
    public string? First { get; set; }

    [PersonalField(DataCategories.Name)]
    public string Full => "Dr. " + First;
}

public sealed class NoTags
{
    public string? Name { get; set; }

    public int Count { get; set; }
}

public sealed class EveryScalar
{
    [PersonalField(DataCategories.Account)] public bool Flag { get; set; }
    [PersonalField(DataCategories.Account)] public char Initial { get; set; }
    [PersonalField(DataCategories.Account)] public byte B { get; set; }
    [PersonalField(DataCategories.Account)] public sbyte Sb { get; set; }
    [PersonalField(DataCategories.Account)] public short S { get; set; }
    [PersonalField(DataCategories.Account)] public ushort Us { get; set; }
    [PersonalField(DataCategories.Account)] public uint Ui { get; set; }
    [PersonalField(DataCategories.Account)] public long L { get; set; }
    [PersonalField(DataCategories.Account)] public ulong Ul { get; set; }
    [PersonalField(DataCategories.Account)] public float F { get; set; }
    [PersonalField(DataCategories.Account)] public double D { get; set; }
    [PersonalField(DataCategories.Account)] public TimeOnly T { get; set; }
    [PersonalField(DataCategories.Account)] public IPAddress? Ip { get; set; }
    [PersonalField(DataCategories.Account)] public Guid G { get; set; }
}
