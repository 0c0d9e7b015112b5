namespace GoSmart.Privacy;

/// <summary>
/// One tagged member of a plan, flattened: nested members have dotted paths (<c>Address.Street</c>),
/// members reached through a collection have <c>[]</c> (<c>Phones[].Number</c>) and through a
/// string-keyed dictionary <c>{}</c> (<c>Labels{}.Text</c>).
/// </summary>
/// <param name="Path">The member's path from the plan's root type, in CLR member names.</param>
/// <param name="ExportName">The JSON property name the member is exported under.</param>
/// <param name="Category">The data-category key.</param>
/// <param name="SpecialCategory">The special category, for <see cref="SensitiveFieldAttribute"/> members.</param>
/// <param name="IsSubjectId">Whether the member is a <see cref="DataSubjectIdAttribute"/> (exported, never redacted).</param>
/// <param name="Erasure">What erasure does to the member.</param>
/// <param name="Exemption">The Art. 17(3) exemption of a retained member.</param>
/// <param name="MemberType">The member's declared type.</param>
/// <param name="IsWritable">Whether redaction can write the member.</param>
/// <param name="VisibleCharacters">Characters <see cref="ErasureStrategy.Mask"/> leaves visible.</param>
/// <param name="BucketSize">The bucket <see cref="ErasureStrategy.Generalize"/> uses for numbers.</param>
public sealed record PersonalMember(
    string Path,
    string ExportName,
    string Category,
    SpecialCategory? SpecialCategory,
    bool IsSubjectId,
    ErasureStrategy Erasure,
    ErasureExemption Exemption,
    Type MemberType,
    bool IsWritable,
    int VisibleCharacters,
    int BucketSize)
{
    /// <summary>
    /// Gets whether the member is <see cref="FreeTextAttribute"/> text: in someone else's record, erasure replaces the erased
    /// subject's mentions in it, and an access package masks third parties' data in it, when a free-text redaction is
    /// registered (<c>AddTextScanner</c>); otherwise it is redacted like any other member.
    /// </summary>
    public bool IsFreeText { get; init; }

    /// <summary>Gets whether the member holds special-category data.</summary>
    public bool IsSensitive => SpecialCategory is not null;
}
