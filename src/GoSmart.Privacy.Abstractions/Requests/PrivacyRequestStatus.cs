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

    /// <summary>Every handler succeeded; some data was retained under an exemption or is not writable, or a tagged type was acknowledged as out of scope.</summary>
    CompletedWithExemptions = 4,

    /// <summary>Refused: identity not verified, or manifestly unfounded (Art. 12(5)).</summary>
    Rejected = 5,

    /// <summary>A handler failed after its retries; the other handlers' results are kept and the request can be retried.</summary>
    Failed = 6,

    /// <summary>Withdrawn by the subject or cancelled by the controller.</summary>
    Cancelled = 7,

    /// <summary>
    /// Every handler succeeded, but a tagged type with a subject id has no erasure handler, so its records were not
    /// erased (listed in the report and the certificate). Register a handler that covers it and retry the request,
    /// or acknowledge the type as out of scope with a reason.
    /// </summary>
    Incomplete = 8,
}
