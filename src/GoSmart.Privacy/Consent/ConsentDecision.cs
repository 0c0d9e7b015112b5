using System.Net;

namespace GoSmart.Privacy;

/// <summary>What a subject decided about a purpose.</summary>
public enum ConsentDecision
{
    /// <summary>Consent given (Art. 7).</summary>
    Granted = 0,

    /// <summary>Consent withdrawn (Art. 7(3)): as easy as giving it, effective for the very next check.</summary>
    Withdrawn = 1,

    /// <summary>An objection (Art. 21), e.g. to direct marketing or from a Global Privacy Control signal.</summary>
    Objected = 2,
}
