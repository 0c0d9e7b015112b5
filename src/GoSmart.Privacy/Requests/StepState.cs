namespace GoSmart.Privacy;

/// <summary>Where one handler's step of a request is.</summary>
public enum StepState
{
    /// <summary>Recorded before the handler runs; still so after a crash — the step then runs again.</summary>
    Started = 0,

    /// <summary>The handler finished; the step never runs again for this request.</summary>
    Completed = 1,

    /// <summary>The handler failed after every retry; a retry of the request runs it again.</summary>
    Failed = 2,

    /// <summary>Created when the request started, not yet claimed: waiting for an instance that hosts the handler.</summary>
    Pending = 3,
}
