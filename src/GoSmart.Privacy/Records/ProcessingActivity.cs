namespace GoSmart.Privacy.Records;

/// <summary>One processing activity: a purpose and everything Art. 30(1)(b)–(f) asks about it.</summary>
public sealed record ProcessingActivity
{
    /// <summary>Gets the purpose key.</summary>
    public required string Purpose { get; init; }

    /// <summary>Gets what the purpose is, in the policy's words.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the Art. 6(1) legal basis.</summary>
    public required LegalBasis LegalBasis { get; init; }

    /// <summary>Gets the version of the notice the subject is shown for the purpose: the consent ledger's current version for a consent purpose, otherwise 1.</summary>
    public required int NoticeVersion { get; init; }

    /// <summary>
    /// Gets a fingerprint of everything material the notice says about the purpose (description, legal basis, categories,
    /// subjects, recipients, transfers, retention): when it changes, the notice changed materially and its version must
    /// be bumped (<see cref="NoticeChanges"/>).
    /// </summary>
    public required string NoticeFingerprint { get; init; }

    /// <summary>Gets the kinds of data subject.</summary>
    public required IReadOnlyList<DataSubjectKind> SubjectKinds { get; init; }

    /// <summary>Gets the data categories the code holds for the purpose, matched from the plans (declared keys when no plan holds them).</summary>
    public required IReadOnlyList<string> DataCategories { get; init; }

    /// <summary>Gets the special categories (Art. 9, 10) among them.</summary>
    public required IReadOnlyList<SpecialCategory> SpecialCategories { get; init; }

    /// <summary>Gets the recipients or categories of recipients.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>Gets the transfers that serve the purpose.</summary>
    public required IReadOnlyList<DisclosedTransfer> Transfers { get; init; }

    /// <summary>Gets the retention periods that apply: the rules the sweeper enforces, then the periods declared in words.</summary>
    public required IReadOnlyList<DisclosedRetention> Retention { get; init; }

    /// <summary>Gets the entity types, by full name, that hold data of the purpose.</summary>
    public required IReadOnlyList<string> Entities { get; init; }
}
