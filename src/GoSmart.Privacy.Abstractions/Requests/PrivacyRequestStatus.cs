namespace GoSmart.Privacy;

/// <summary>Where a request is in its lifecycle.</summary>
public enum PrivacyRequestStatus
{
    /// <summary>Recorded; nothing has been decided yet.</summary>
    Received = 0,

    /// <summary>Waiting for the identity verifier; no handler runs before it says yes (Art. 12(6)).</summary>
    AwaitingIdentityVerification = 1,

    /// <summary>Verified; handlers are running or the access package awaits delivery.</summary>
    InProgress = 2,

    /// <summary>Every handler succeeded and nothing was retained.</summary>
    Completed = 3,

    /// <summary>Every handler succeeded; some data was retained under an exemption, or some tagged type has no handler.</summary>
    CompletedWithExemptions = 4,

    /// <summary>Refused: identity not verified, or manifestly unfounded (Art. 12(5)).</summary>
    Rejected = 5,

    /// <summary>A handler failed after its retries; the other handlers' results are kept and the request can be retried.</summary>
    Failed = 6,

    /// <summary>Withdrawn by the subject or cancelled by the controller.</summary>
    Cancelled = 7,
}
