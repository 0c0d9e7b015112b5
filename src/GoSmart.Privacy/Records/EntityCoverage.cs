namespace GoSmart.Privacy.Records;

/// <summary>How erasure reaches an entity type.</summary>
public enum EntityCoverage
{
    /// <summary>An erasure handler of the service covers it (or a type that holds it).</summary>
    Covered = 0,

    /// <summary>The host acknowledged it as out of this service's scope, with a reason.</summary>
    OutOfScope = 1,

    /// <summary>No handler covers it and nothing acknowledges it: an erasure ends incomplete.</summary>
    Uncovered = 2,

    /// <summary>It has no subject id: it is reached through the types that hold it.</summary>
    Nested = 3,
}
