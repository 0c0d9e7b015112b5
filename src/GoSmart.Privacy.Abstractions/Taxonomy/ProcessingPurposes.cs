namespace GoSmart.Privacy;

/// <summary>
/// The processing purposes of the Go Smart privacy policy (section 3), as dotted keys.
/// Host apps may add their own keys in the same form.
/// </summary>
public static class ProcessingPurposes
{
    /// <summary>Operate, maintain and administer the customer's account, billing, service messages.</summary>
    public const string OperateService = "service.operate";

    /// <summary>Process customer content on the customer's behalf (Go Smart as processor).</summary>
    public const string ProvideServiceOnBehalfOfCustomer = "service.provide_on_behalf";

    /// <summary>Marketing communications about Go Smart, where permitted by law, with an opt-out in each message.</summary>
    public const string MarketingCommunications = "marketing.communications";

    /// <summary>Conduct events: reminders, event-related communications, feedback.</summary>
    public const string Events = "events";

    /// <summary>Comply with laws: sanctions, accounting, tax, legal processes, audits, authority requests.</summary>
    public const string LegalCompliance = "legal.compliance";

    /// <summary>Negotiate, conclude and execute agreements with counterparts.</summary>
    public const string Contracts = "contracts";

    /// <summary>Enforce terms, protect rights and safety, prevent fraud and illegal activity.</summary>
    public const string SecurityAndFraudPrevention = "security.fraud_prevention";

    /// <summary>Every purpose above, in the policy's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OperateService,
        ProvideServiceOnBehalfOfCustomer,
        MarketingCommunications,
        Events,
        LegalCompliance,
        Contracts,
        SecurityAndFraudPrevention,
    ];
}
