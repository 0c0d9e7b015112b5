namespace GoSmart.Privacy;

/// <summary>One handler's outcome in a report.</summary>
/// <param name="Handler">The handler's name.</param>
/// <param name="State">Its step's state.</param>
/// <param name="Attempts">How many times it ran.</param>
/// <param name="Result">What it did, when completed.</param>
/// <param name="Error">Why it failed, when failed.</param>
public sealed record HandlerOutcome(string Handler, StepState State, int Attempts, HandlerResult? Result, string? Error);
