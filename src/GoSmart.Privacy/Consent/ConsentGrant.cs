namespace GoSmart.Privacy;

/// <summary>A request to record a grant.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Purpose">The purpose key.</param>
/// <param name="Method">How it was collected.</param>
/// <param name="Source">Which app or page collected it.</param>
public sealed record ConsentGrant(SubjectRef Subject, string Purpose, ConsentMethod Method, string Source)
{
    /// <summary>Gets the notice version the subject saw; the purpose's current version when not set.</summary>
    public int? NoticeVersion { get; init; }

    /// <summary>Gets what shows how the subject agreed.</summary>
    public ConsentEvidence? Evidence { get; init; }

    /// <summary>Gets when the grant stops counting, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the subject's age in years, when known: under the age of digital consent a grant needs <see cref="ConsentEvidence.ParentalConsentReference"/> (Art. 8).</summary>
    public int? SubjectAge { get; init; }

    /// <summary>Gets the member state whose age of digital consent applies; <see cref="ConsentOptions.DefaultCountry"/> when not set.</summary>
    public string? Country { get; init; }
}
