using System.Net;

namespace GoSmart.Privacy;

/// <summary>
/// What shows how a decision was made (Art. 7(1)): a reference to the exact text shown, the address truncated to
/// its network (never the full IP), the user agent, and for a child the reference of the parental consent.
/// </summary>
public sealed record ConsentEvidence
{
    /// <summary>Gets a reference to the form or notice text the subject saw, e.g. <c>forms/newsletter@v3</c>.</summary>
    public string? FormReference { get; init; }

    /// <summary>Gets the subject's network address, already truncated (IPv4 /24, IPv6 /48) by <see cref="ConsentEvidence.For"/>.</summary>
    public string? TruncatedIp { get; init; }

    /// <summary>Gets the user agent that sent the decision.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the reference of the holder of parental responsibility's consent (Art. 8(1)), for a subject under the age of digital consent.</summary>
    public string? ParentalConsentReference { get; init; }

    /// <summary>Creates evidence, truncating <paramref name="ip"/> so that no full address is ever stored.</summary>
    /// <param name="formReference">The form or notice text shown.</param>
    /// <param name="ip">The subject's address, or <see langword="null"/>.</param>
    /// <param name="userAgent">The user agent, or <see langword="null"/>.</param>
    /// <returns>The evidence.</returns>
    public static ConsentEvidence For(string? formReference, IPAddress? ip = null, string? userAgent = null) =>
        new() { FormReference = formReference, TruncatedIp = RedactionStrategies.Generalize(ip)?.ToString(), UserAgent = userAgent };
}
