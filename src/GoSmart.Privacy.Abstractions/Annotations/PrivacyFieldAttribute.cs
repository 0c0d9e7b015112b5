using Microsoft.Extensions.Compliance.Classification;

namespace GoSmart.Privacy;

/// <summary>
/// Common base of <see cref="PersonalFieldAttribute"/> and <see cref="SensitiveFieldAttribute"/>:
/// what erasure does to the member and how it is exported.
/// </summary>
public abstract class PrivacyFieldAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute with its Microsoft.Extensions.Compliance classification.</summary>
    /// <param name="classification">The classification this attribute carries.</param>
    protected PrivacyFieldAttribute(DataClassification classification)
        : base(classification)
    {
    }

    /// <summary>Gets or sets what erasure does to the member. Defaults to <see cref="ErasureStrategy.Erase"/>.</summary>
    public ErasureStrategy Erasure { get; set; } = ErasureStrategy.Erase;

    /// <summary>Gets or sets the Art. 17(3) ground on which the member is kept; required with <see cref="ErasureStrategy.Retain"/>.</summary>
    public ErasureExemption Exemption { get; set; } = ErasureExemption.None;

    /// <summary>Gets or sets the JSON property name in exports; defaults to the member name in camelCase.</summary>
    public string? ExportName { get; set; }

    /// <summary>Gets or sets how many trailing characters <see cref="ErasureStrategy.Mask"/> leaves visible. Defaults to 4.</summary>
    public int VisibleCharacters { get; set; } = 4;

    /// <summary>Gets or sets the bucket width <see cref="ErasureStrategy.Generalize"/> uses for numbers. Defaults to 10.</summary>
    public int BucketSize { get; set; } = 10;
}
