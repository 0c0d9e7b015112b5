namespace GoSmart.Privacy.Storage;

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

    /// <summary>Gets how far a started (or failed) step's handler got, as it recorded with <see cref="IErasureContext.SaveProgressAsync"/>; <see cref="Result"/> then holds its tallies so far.</summary>
    public string? Progress { get; init; }
}
