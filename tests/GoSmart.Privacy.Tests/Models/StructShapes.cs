namespace GoSmart.Privacy.Tests.Models;

/// <summary>A readonly struct whose tagged members are init-only properties.</summary>
public readonly struct FixedPoint
{
    [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
    public double Latitude { get; init; }

    [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Erase)]
    public string? Label { get; init; }
}

/// <summary>A mutable struct whose tagged members are public fields.</summary>
public struct FieldPoint
{
    [PersonalField(DataCategories.LocationPrecise, Erasure = ErasureStrategy.Generalize, BucketSize = 1)]
    public double Latitude;

    [PersonalField(DataCategories.LocationPrecise)]
    public string? Label;
}

/// <summary>A readonly struct holding structs, nullable and not: nesting at depth.</summary>
public readonly struct Trip
{
    public FixedPoint? From { get; init; }

    public FieldPoint To { get; init; }
}

/// <summary>
/// Every way a host keeps a struct of personal data: nullable or not, readonly or mutable, init or set,
/// property or field, nested in another struct, and inside arrays, lists and dictionaries.
/// </summary>
public sealed class Whereabouts
{
    [DataSubjectId]
    public string UserId { get; set; } = "";

    public FixedPoint? Location { get; init; }

    public FixedPoint Work { get; init; }

    public FieldPoint? LastSeen;

    public FieldPoint Home;

    public GeoPoint? Geo { get; set; }

    public Trip? Commute { get; set; }

    public Trip Holiday { get; private set; }

    public FixedPoint?[] Pins { get; set; } = [];

    public List<FieldPoint?> History { get; set; } = [];

    public Dictionary<string, FixedPoint?> ByLabel { get; set; } = [];
}

/// <summary>A struct member the SDK can read but never write back: reported as not writable, never silent.</summary>
public sealed class ReadOnlyWhereabouts
{
    public ReadOnlyWhereabouts(FixedPoint? location) => Location = location;

    [DataSubjectId]
    public string UserId { get; set; } = "";

#pragma warning disable GSP014 // the point of this model: the analyzer warns, and the report says NotWritable
    public FixedPoint? Location { get; }
#pragma warning restore GSP014
}
