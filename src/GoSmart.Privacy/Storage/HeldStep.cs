namespace GoSmart.Privacy.Storage;

/// <summary>An erasure step a legal hold blocked.</summary>
/// <param name="HoldId">The hold.</param>
/// <param name="RequestId">The erasure request.</param>
/// <param name="Handler">The step's handler.</param>
/// <param name="At">When it was blocked.</param>
public sealed record HeldStep(Guid HoldId, Guid RequestId, string Handler, DateTimeOffset At);
