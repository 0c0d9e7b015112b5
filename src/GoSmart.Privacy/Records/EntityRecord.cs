namespace GoSmart.Privacy.Records;

/// <summary>One tagged entity type of the service: where its data is, who reaches it, what erasure does to each member.</summary>
public sealed record EntityRecord
{
    /// <summary>Gets the type's full name.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the service that holds it.</summary>
    public required string Service { get; init; }

    /// <summary>Gets whether the type has a subject id, so erasure must reach it.</summary>
    public required bool IsRoot { get; init; }

    /// <summary>Gets the handlers that reach its records, by name.</summary>
    public required IReadOnlyList<string> Handlers { get; init; }

    /// <summary>Gets how erasure reaches it.</summary>
    public required EntityCoverage Coverage { get; init; }

    /// <summary>Gets the reason a type acknowledged out of scope gives.</summary>
    public string? OutOfScopeReason { get; init; }

    /// <summary>Gets the tagged members, in the plan's order.</summary>
    public required IReadOnlyList<MemberRecord> Members { get; init; }
}
