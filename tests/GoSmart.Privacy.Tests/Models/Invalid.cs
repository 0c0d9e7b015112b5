// These types break the annotation rules on purpose: the run-time checks must reject them (the analyzers do too).
#pragma warning disable GSP002, GSP003, GSP004, GSP005, GSP008, GSP009, GSP010, GSP011, GSP012, GSP013, GSP015, GSP016
namespace GoSmart.Privacy.Tests.Models;

public sealed class BadCategory
{
    [PersonalField("Email Address")]
    public string? Email { get; set; }
}

public sealed class RetainWithoutExemption
{
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain)]
    public decimal Amount { get; set; }
}

public sealed class TwoSubjectIds
{
    [DataSubjectId]
    public Guid Id { get; set; }

    [DataSubjectId]
    public string? Email { get; set; }
}

public sealed class FreeTextOnList
{
    [PersonalField(DataCategories.ContentMessage), FreeText]
    public List<string> Lines { get; set; } = [];
}

public sealed class MaskOnDate
{
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Mask)]
    public DateTime BirthDate { get; set; }
}

public sealed class HashOnInt
{
    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Hash)]
    public int Age { get; set; }
}

public sealed class UnsupportedType
{
    [PersonalField(DataCategories.Content)]
    public Uri? Website { get; set; }
}

public sealed class TagOnNested
{
    [PersonalField(DataCategories.ContactAddress)]
    public Address? Address { get; set; }
}

public sealed class ManyProblems
{
    [PersonalField("")]
    public string? A { get; set; }

    [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Mask)]
    public int B { get; set; }
}

public sealed class NestedBad
{
    public BadCategory? Inner { get; set; }
}

public sealed class SubjectIdOfWrongType
{
    [DataSubjectId]
    public DateTime Id { get; set; }
}

/// <summary>A subscription keyed by its e-mail address, which it also hashes on erasure (GSP015), with a broken category (GSP002) so the builder throws and lists both.</summary>
public class KeyedByEmail
{
    [DataSubjectId]
    public Guid SubscriberId { get; set; }

    [System.ComponentModel.DataAnnotations.Key]
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
    public string Email { get; set; } = "";

    [PersonalField("Not A Key")]
    public string? Note { get; set; }
}
