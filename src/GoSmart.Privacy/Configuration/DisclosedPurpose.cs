namespace GoSmart.Privacy;

/// <summary>A processing purpose as the access package states it (Art. 15(1)(a)).</summary>
/// <param name="Key">The purpose key, e.g. <see cref="ProcessingPurposes.OperateService"/>.</param>
/// <param name="Description">What the purpose is, in the policy's words.</param>
/// <param name="LegalBasis">The legal basis of Art. 6(1).</param>
public sealed record DisclosedPurpose(string Key, string Description, LegalBasis LegalBasis);
