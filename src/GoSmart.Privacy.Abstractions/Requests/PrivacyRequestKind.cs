namespace GoSmart.Privacy;

/// <summary>What a data subject asks for (GDPR Art. 15–21).</summary>
public enum PrivacyRequestKind
{
    /// <summary>A copy of the subject's personal data and the Art. 15(1) information (Art. 15).</summary>
    Access = 0,

    /// <summary>The subject's data in a structured, machine-readable form (Art. 20).</summary>
    Portability = 1,

    /// <summary>Erasure or anonymisation, with legal exemptions reported (Art. 17).</summary>
    Erasure = 2,

    /// <summary>Correction of named members (Art. 16).</summary>
    Rectification = 3,

    /// <summary>Restriction of processing (Art. 18).</summary>
    Restriction = 4,

    /// <summary>Lifting a restriction of processing (Art. 18(3)).</summary>
    LiftRestriction = 5,

    /// <summary>An objection to processing for one purpose (Art. 21).</summary>
    Objection = 6,

    /// <summary>
    /// Contesting a decision based solely on automated processing, with human review (Art. 22(3)): the subject
    /// names the decision and may state their point of view; a host handler has a person review it.
    /// </summary>
    AutomatedDecisionReview = 7,
}
