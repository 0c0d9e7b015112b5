namespace GoSmart.Privacy;

/// <summary>A processing purpose as the access package, the records of processing (Art. 30) and the notice (Art. 13/14) state it.</summary>
/// <param name="Key">The purpose key, e.g. <see cref="ProcessingPurposes.OperateService"/>.</param>
/// <param name="Description">What the purpose is, in the policy's words.</param>
/// <param name="LegalBasis">The legal basis of Art. 6(1).</param>
public sealed record DisclosedPurpose(string Key, string Description, LegalBasis LegalBasis)
{
    /// <summary>
    /// Gets the data categories processed for the purpose, as category keys or their prefixes (<c>user.contact</c> covers
    /// <c>user.contact.email</c>). The records of processing match them against the tagged members of every plan, so a
    /// category the code holds that no purpose names is reported as a gap; a purpose that names none is reported too.
    /// </summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets the kinds of data subject whose data is processed for the purpose (Art. 30(1)(c)).</summary>
    public IReadOnlyList<DataSubjectKind> SubjectKinds { get; init; } = [];
}
