namespace GoSmart.Privacy;

/// <summary>
/// What every access package tells the subject besides their data (Art. 15(1)): configured once per host from
/// its privacy policy. Categories come from the plans; the subject's rights from the SDK.
/// </summary>
public sealed class PrivacyDisclosure
{
    /// <summary>Gets or sets the controller's name and contact details.</summary>
    public string? Controller { get; set; }

    /// <summary>
    /// Gets or sets the processor acting for the controller, when the data is processed on the controller's behalf
    /// (Art. 28): for a customer's Subscribers, Go Smart. Left unset in a tenant's disclosure, it is the host's own
    /// controller (<see cref="PrivacyOptions.Disclosure"/>).
    /// </summary>
    public string? Processor { get; set; }

    /// <summary>Gets or sets how to reach the data protection officer, if there is one.</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>Gets or sets where the privacy policy is published.</summary>
    public Uri? PolicyUrl { get; set; }

    /// <summary>Gets the purposes of processing and their legal bases.</summary>
    public IList<DisclosedPurpose> Purposes { get; } = [];

    /// <summary>Gets the recipients or categories of recipients (Art. 15(1)(c)), including those in third countries and their safeguards.</summary>
    public IList<string> Recipients { get; } = [];

    /// <summary>Gets the transfers to third countries and their safeguards (Art. 13(1)(f), 15(2), 30(1)(e)).</summary>
    public IList<DisclosedTransfer> Transfers { get; } = [];

    /// <summary>
    /// Gets the organisational security measures (Art. 30(1)(g)), e.g. <c>Staff access on a need-to-know basis</c>. The
    /// records of processing add the technical ones the SDK applies (pseudonymisation, crypto-shredding, a hash-chained
    /// consent ledger, signed erasure certificates).
    /// </summary>
    public IList<string> SecurityMeasures { get; } = [];

    /// <summary>Gets the retention periods (Art. 15(1)(d)).</summary>
    public IList<DisclosedRetention> Retention { get; } = [];

    /// <summary>Gets where data not collected from the subject comes from (Art. 15(1)(g)).</summary>
    public IList<string> Sources { get; } = [];

    /// <summary>Gets or sets the statement about automated decision-making (Art. 15(1)(h)).</summary>
    public string AutomatedDecisionMaking { get; set; } = "No decisions based solely on automated processing, including profiling, that produce legal or similarly significant effects are made.";
}
