namespace GoSmart.Privacy.Verification;

/// <summary>What an <see cref="IIdentityVerifier"/> decided.</summary>
public enum IdentityDecision
{
    /// <summary>Not decided yet (e.g. a confirmation e-mail was sent): the request waits; confirm it later.</summary>
    Pending = 0,

    /// <summary>The requester is the subject (or acts for them): the request proceeds.</summary>
    Verified = 1,

    /// <summary>The identity could not be verified: the request is rejected and no handler runs.</summary>
    Rejected = 2,
}
