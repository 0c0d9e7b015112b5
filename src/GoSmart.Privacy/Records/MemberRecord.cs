namespace GoSmart.Privacy.Records;

/// <summary>One tagged member and the measure erasure applies to it.</summary>
/// <param name="Path">The member's path in the plan.</param>
/// <param name="Category">The data-category key.</param>
/// <param name="SpecialCategory">The special category, for a sensitive member.</param>
/// <param name="Measure">What erasure does.</param>
/// <param name="Exemption">The Art. 17(3) ground of a retained member.</param>
public sealed record MemberRecord(string Path, string Category, SpecialCategory? SpecialCategory, MemberMeasure Measure, ErasureExemption Exemption)
{
    /// <summary>Gets whether the member is stored encrypted under its subject's key (crypto-shredding).</summary>
    public bool IsCryptoShredded { get; init; }

    /// <summary>Gets whether the member is free text, whose mentions of other people are rewritten or masked.</summary>
    public bool IsFreeText { get; init; }
}
