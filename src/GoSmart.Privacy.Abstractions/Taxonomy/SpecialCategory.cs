namespace GoSmart.Privacy;

/// <summary>
/// Special categories of personal data: every category of GDPR Art. 9(1), criminal
/// convictions and offences (Art. 10), and government identifiers (Art. 87).
/// </summary>
public enum SpecialCategory
{
    /// <summary>Art. 9(1): racial or ethnic origin.</summary>
    RacialOrEthnicOrigin = 1,

    /// <summary>Art. 9(1): political opinions.</summary>
    PoliticalOpinions = 2,

    /// <summary>Art. 9(1): religious or philosophical beliefs.</summary>
    ReligiousOrPhilosophicalBeliefs = 3,

    /// <summary>Art. 9(1): trade-union membership.</summary>
    TradeUnionMembership = 4,

    /// <summary>Art. 9(1): genetic data.</summary>
    Genetic = 5,

    /// <summary>Art. 9(1): biometric data processed to uniquely identify a person.</summary>
    BiometricForIdentification = 6,

    /// <summary>Art. 9(1): data concerning health.</summary>
    Health = 7,

    /// <summary>Art. 9(1): data concerning a person's sex life or sexual orientation.</summary>
    SexLifeOrSexualOrientation = 8,

    /// <summary>Art. 10: personal data relating to criminal convictions and offences.</summary>
    CriminalConvictions = 9,

    /// <summary>Art. 87: national identification numbers and other government identifiers, such as social security numbers.</summary>
    GovernmentIdentifier = 10,
}
