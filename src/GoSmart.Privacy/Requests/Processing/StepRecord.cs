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

/// <summary>How many values were retained under one exemption.</summary>
/// <param name="Exemption">The Art. 17(3) exemption.</param>
/// <param name="Count">How many values.</param>
public sealed record ExemptionCount(ErasureExemption Exemption, int Count);

/// <summary>What one handler did for a request. Counts only: no personal data.</summary>
/// <param name="Changed">Values erased, masked, hashed or generalized (erasure).</param>
/// <param name="Retained">Values kept under an exemption (erasure).</param>
/// <param name="NotWritable">Values that could not be written (erasure).</param>
/// <param name="Deleted">Records deleted outright (erasure).</param>
/// <param name="Applied">Records exported (access) or corrections applied (rectification), or restrictions recorded.</param>
/// <param name="Exemptions">The retained values per exemption.</param>
/// <param name="RecipientsNotified">Recipients told about the erasure or correction (Art. 19).</param>
public sealed record HandlerResult(int Changed, int Retained, int NotWritable, int Deleted, int Applied, IReadOnlyList<ExemptionCount> Exemptions, IReadOnlyList<string> RecipientsNotified)
{
    /// <summary>Gets a result of a handler that found nothing.</summary>
    public static HandlerResult Empty { get; } = new(0, 0, 0, 0, 0, [], []);

    /// <summary>Gets, for an automated-decision review (Art. 22), the reviewer's outcome; otherwise <see langword="null"/>.</summary>
    public string? Outcome { get; init; }
}

/// <summary>The record of one (request, handler) step, written before and after the handler runs.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Handler">The handler's name.</param>
/// <param name="State">Where the step is.</param>
/// <param name="Attempts">How many times the handler has been started for this request.</param>
/// <param name="UpdatedAt">When the record was written.</param>
/// <param name="Result">What the handler did, once completed.</param>
/// <param name="Error">The failure (exception type and message), once failed.</param>
public sealed record StepRecord(Guid RequestId, string Handler, StepState State, int Attempts, DateTimeOffset UpdatedAt, HandlerResult? Result, string? Error)
{
    /// <summary>Gets the engine instance that holds the step while it runs.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets when the owner's lease ends: after it, another instance may claim the step (its owner crashed).</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>A handler an engine instance hosts.</summary>
/// <param name="Kind">The kind of request it handles (erasure or rectification).</param>
/// <param name="Handler">Its name.</param>
public sealed record HandlerRegistration(PrivacyRequestKind Kind, string Handler);

/// <summary>An engine instance as the store knows it: which service, which handlers, and when it last said it was alive.</summary>
/// <param name="InstanceId">The instance's id (new at every start).</param>
/// <param name="Service">The service it belongs to, e.g. <c>crm</c> or <c>chat</c>.</param>
/// <param name="Handlers">The handlers it hosts.</param>
/// <param name="HeartbeatAt">Its last heartbeat.</param>
public sealed record EngineRegistration(string InstanceId, string Service, IReadOnlyList<HandlerRegistration> Handlers, DateTimeOffset HeartbeatAt);

/// <summary>One handler's outcome in a report.</summary>
/// <param name="Handler">The handler's name.</param>
/// <param name="State">Its step's state.</param>
/// <param name="Attempts">How many times it ran.</param>
/// <param name="Result">What it did, when completed.</param>
/// <param name="Error">Why it failed, when failed.</param>
public sealed record HandlerOutcome(string Handler, StepState State, int Attempts, HandlerResult? Result, string? Error);

/// <summary>What a request did, handler by handler, and — for erasure — which tagged types no handler covers.</summary>
/// <param name="Request">The request.</param>
/// <param name="Handlers">Every handler's outcome.</param>
/// <param name="UncoveredTypes">Tagged types with a subject id that no erasure handler covers: their data was not erased.</param>
public sealed record PrivacyRequestReport(PrivacyRequest Request, IReadOnlyList<HandlerOutcome> Handlers, IReadOnlyList<string> UncoveredTypes);
