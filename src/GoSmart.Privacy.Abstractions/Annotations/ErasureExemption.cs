namespace GoSmart.Privacy;

/// <summary>The grounds of GDPR Art. 17(3) on which personal data is kept despite an erasure request.</summary>
public enum ErasureExemption
{
    /// <summary>No exemption: the member is erased by its strategy.</summary>
    None = 0,

    /// <summary>Art. 17(3)(a): exercising the right of freedom of expression and information.</summary>
    FreedomOfExpression = 1,

    /// <summary>Art. 17(3)(b): compliance with a legal obligation (e.g. accounting and tax records).</summary>
    LegalObligation = 2,

    /// <summary>Art. 17(3)(c): reasons of public interest in the area of public health.</summary>
    PublicHealth = 3,

    /// <summary>Art. 17(3)(d): archiving in the public interest, scientific or historical research or statistics.</summary>
    ArchivingOrResearch = 4,

    /// <summary>Art. 17(3)(e): the establishment, exercise or defence of legal claims.</summary>
    LegalClaims = 5,

    /// <summary>
    /// A legal hold (litigation, an investigation, an authority's order) kept a whole handler area: the SDK reports it
    /// for a held erasure step, counting held areas, not values — the handler did not run. Not for tagging members.
    /// </summary>
    LegalHold = 6,
}
