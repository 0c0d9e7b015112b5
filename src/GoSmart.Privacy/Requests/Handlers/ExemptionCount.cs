namespace GoSmart.Privacy;

/// <summary>How many values were retained under one exemption.</summary>
/// <param name="Exemption">The Art. 17(3) exemption.</param>
/// <param name="Count">How many values.</param>
public sealed record ExemptionCount(ErasureExemption Exemption, int Count);
