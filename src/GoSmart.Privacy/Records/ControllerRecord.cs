namespace GoSmart.Privacy.Records;

/// <summary>The records one controller keeps (Art. 30(1)), or the processor keeps for it (Art. 30(2)).</summary>
public sealed record ControllerRecord
{
    /// <summary>Gets the tenant whose data is processed on its behalf, or <see langword="null"/> for the host's own processing as controller.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the controller's name and contact details.</summary>
    public required string Controller { get; init; }

    /// <summary>Gets the processor acting for the controller, when the host processes the data on the controller's behalf.</summary>
    public string? Processor { get; init; }

    /// <summary>Gets how to reach the data protection officer.</summary>
    public string? DataProtectionOfficer { get; init; }

    /// <summary>Gets where the privacy policy is published.</summary>
    public Uri? PolicyUrl { get; init; }

    /// <summary>Gets one processing activity per purpose.</summary>
    public required IReadOnlyList<ProcessingActivity> Activities { get; init; }

    /// <summary>Gets the transfers to third countries and their safeguards.</summary>
    public required IReadOnlyList<DisclosedTransfer> Transfers { get; init; }

    /// <summary>Gets the retention periods the controller declared in words (the rules the sweeper enforces are under each activity).</summary>
    public required IReadOnlyList<DisclosedRetention> Retention { get; init; }

    /// <summary>Gets the organisational security measures the controller declared.</summary>
    public required IReadOnlyList<string> OrganisationalMeasures { get; init; }

    /// <summary>Gets where data not collected from the subject comes from (Art. 14(2)(f)).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Gets the statement about automated decision-making (Art. 13(2)(f)).</summary>
    public required string AutomatedDecisionMaking { get; init; }
}
