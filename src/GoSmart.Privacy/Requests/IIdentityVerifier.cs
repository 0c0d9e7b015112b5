namespace GoSmart.Privacy;

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

/// <summary>Decides whether a requester is the subject before anything runs (Art. 12(6)). Unverified requests never reach a handler.</summary>
public interface IIdentityVerifier
{
    /// <summary>Decides for a request that awaits verification.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict.</returns>
    ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The default verifier: every request waits until the host confirms the identity out of band and calls
/// <see cref="IPrivacyRequestService.ConfirmIdentityAsync"/>. Nothing runs on an unverified request.
/// </summary>
public sealed class ManualIdentityVerifier : IIdentityVerifier
{
    /// <inheritdoc />
    public ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(IdentityVerdict.Pending("The requester's identity has not been confirmed yet: confirm it, then call ConfirmIdentityAsync."));
}

/// <summary>
/// For hosts that submit requests only for a signed-in user about themselves (the sign-in verified them):
/// every request is verified. Register it with <c>UseIdentityVerifier&lt;AuthenticatedSubjectVerifier&gt;()</c>.
/// </summary>
public sealed class AuthenticatedSubjectVerifier : IIdentityVerifier
{
    /// <inheritdoc />
    public ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(IdentityVerdict.Verified);
}
