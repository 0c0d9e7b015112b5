namespace GoSmart.Privacy.Verification;

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
