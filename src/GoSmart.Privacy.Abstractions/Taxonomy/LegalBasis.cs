namespace GoSmart.Privacy;

/// <summary>The lawful bases for processing personal data of GDPR Art. 6(1)(a)–(f).</summary>
public enum LegalBasis
{
    /// <summary>Art. 6(1)(a): the data subject has given consent for one or more specific purposes.</summary>
    Consent = 0,

    /// <summary>Art. 6(1)(b): necessary for a contract with the data subject, or steps before entering into one.</summary>
    Contract = 1,

    /// <summary>Art. 6(1)(c): necessary for compliance with a legal obligation of the controller.</summary>
    LegalObligation = 2,

    /// <summary>Art. 6(1)(d): necessary to protect the vital interests of the data subject or of another person.</summary>
    VitalInterests = 3,

    /// <summary>Art. 6(1)(e): necessary for a task carried out in the public interest or in official authority.</summary>
    PublicTask = 4,

    /// <summary>Art. 6(1)(f): necessary for the legitimate interests of the controller or a third party.</summary>
    LegitimateInterests = 5,
}
