namespace GoSmart.Privacy.Verification;

/// <summary>Decides whether a requester is the subject before anything runs (Art. 12(6)). Unverified requests never reach a handler.</summary>
public interface IIdentityVerifier
{
    /// <summary>Decides for a request that awaits verification.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict.</returns>
    ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken);
}
