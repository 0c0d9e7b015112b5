namespace GoSmart.Privacy.Records;

/// <summary>
/// What an erasure request will do, shown to the subject before they submit it (Art. 17, Art. 12(1)): per area of the
/// service, the data that is erased, the data that is changed so it no longer identifies them (pseudonymised, masked,
/// generalised), and the data that is kept with the legal ground for keeping it. Built from the records of processing,
/// so the preview is what the plans do.
/// </summary>
public sealed record ErasurePreview
{
    /// <summary>Gets one entry per tagged type erasure reaches, in the order of the records.</summary>
    public required IReadOnlyList<ErasurePreviewArea> Areas { get; init; }

    /// <summary>Gets the types this service does not erase, each with the reason (another service holds them).</summary>
    public required IReadOnlyList<ErasurePreviewElsewhere> Elsewhere { get; init; }

    /// <summary>Gets the types no handler reaches yet: an erasure ends incomplete until one does, and the request says so.</summary>
    public required IReadOnlyList<string> NotReached { get; init; }

    /// <summary>Builds the preview from the records.</summary>
    /// <param name="records">The records of processing.</param>
    /// <returns>The preview.</returns>
    public static ErasurePreview From(RecordsOfProcessing records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var areas = records.Entities
            .Where(e => e.Coverage is EntityCoverage.Covered && e.Members.Any(m => m.Measure != MemberMeasure.Identifier))
            .Select(e => new ErasurePreviewArea(
                Words(e.Type),
                e.Type,
                [.. Named(e, m => m.Measure == MemberMeasure.Erased)],
                [.. Named(e, m => m.Measure is MemberMeasure.Pseudonymised or MemberMeasure.Masked or MemberMeasure.Generalised)],
                [.. e.Members.Where(m => m.Measure == MemberMeasure.Retained).Select(m => new ErasurePreviewKept(Export.RecordHtml.Words(Leaf(m.Path)), m.Exemption))]))
            .ToList();
        return new ErasurePreview
        {
            Areas = areas,
            Elsewhere = [.. records.Entities.Where(e => e.Coverage == EntityCoverage.OutOfScope).Select(e => new ErasurePreviewElsewhere(Words(e.Type), e.OutOfScopeReason ?? string.Empty))],
            NotReached = [.. records.Entities.Where(e => e.Coverage == EntityCoverage.Uncovered).Select(e => Words(e.Type))],
        };
    }

    private static IEnumerable<string> Named(EntityRecord entity, Func<MemberRecord, bool> which) =>
        entity.Members.Where(which).Select(m => Export.RecordHtml.Words(Leaf(m.Path))).Distinct(StringComparer.Ordinal);

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..].Replace("[]", string.Empty, StringComparison.Ordinal).Replace("{}", string.Empty, StringComparison.Ordinal);

    private static string Words(string typeName) => Export.RecordHtml.Words(typeName[(typeName.LastIndexOf('.') + 1)..]);
}
