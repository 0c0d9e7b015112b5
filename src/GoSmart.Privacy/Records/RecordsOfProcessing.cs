namespace GoSmart.Privacy.Records;

/// <summary>
/// The records of processing activities (Art. 30) of one service, built from its running configuration: who is
/// controller (or processor, per tenant), each purpose with its subjects, data, legal basis, recipients, transfers and
/// retention, every tagged entity with the measure applied to each member, and the gaps between what the code holds and
/// what is declared. Rendered as JSON (<see cref="RecordsJson"/>), Markdown and HTML (<see cref="RecordsDocument"/>), a
/// notice (<see cref="PrivacyNotice"/>) and a fideslang dataset (<see cref="FideslangDataset"/>).
/// </summary>
public sealed record RecordsOfProcessing
{
    /// <summary>The version of the JSON schema this model is written in (docs/records-of-processing.md).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the schema version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the service the records describe (<see cref="PrivacyOptions.ServiceName"/>).</summary>
    public required string Service { get; init; }

    /// <summary>Gets the controllers: the host's own records first (tenant <see langword="null"/>), then one per tenant the host processes data for.</summary>
    public required IReadOnlyList<ControllerRecord> Controllers { get; init; }

    /// <summary>Gets every tagged entity type of the service, by full name.</summary>
    public required IReadOnlyList<EntityRecord> Entities { get; init; }

    /// <summary>Gets the technical security measures the SDK applies in this service (Art. 30(1)(g), Art. 32).</summary>
    public required IReadOnlyList<string> TechnicalMeasures { get; init; }

    /// <summary>Gets what is missing or contradicts: data without a purpose, a purpose without data, an entity no erasure reaches. Empty when the records are complete.</summary>
    public required IReadOnlyList<RecordsGap> Gaps { get; init; }
}
