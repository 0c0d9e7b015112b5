namespace GoSmart.Privacy.Verification;

/// <summary>A verifier's decision and why.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Reason">Why, for a pending or rejected request.</param>
public sealed record IdentityVerdict(IdentityDecision Decision, string? Reason = null)
{
    /// <summary>Gets a verdict that lets the request proceed.</summary>
    public static IdentityVerdict Verified { get; } = new(IdentityDecision.Verified);

    /// <summary>A verdict that keeps the request waiting.</summary>
    /// <param name="reason">What is awaited.</param>
    /// <returns>The verdict.</returns>
    public static IdentityVerdict Pending(string reason) => new(IdentityDecision.Pending, reason);

    /// <summary>A verdict that rejects the request.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The verdict.</returns>
    public static IdentityVerdict Rejected(string reason) => new(IdentityDecision.Rejected, reason);
}
