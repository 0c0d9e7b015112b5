namespace GoSmart.Privacy.Verification;

/// <summary>
/// For hosts that submit requests only for a signed-in user about themselves (the sign-in verified them):
/// every request is verified. Register it with <c>UseIdentityVerifier&lt;AuthenticatedSubjectVerifier&gt;()</c>.
/// </summary>
public sealed class AuthenticatedSubjectVerifier : IIdentityVerifier
{
    /// <inheritdoc />
    public ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(IdentityVerdict.Verified);
}
