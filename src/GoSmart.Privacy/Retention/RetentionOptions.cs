namespace GoSmart.Privacy;

/// <summary>The retention rules of the privacy policy (§6), checked at start-up and disclosed in every access package.</summary>
public sealed class RetentionOptions
{
    /// <summary>Gets the rules.</summary>
    public IList<RetentionRule> Rules { get; } = [];
}
