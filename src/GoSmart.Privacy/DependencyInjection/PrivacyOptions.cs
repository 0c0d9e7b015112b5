namespace GoSmart.Privacy;

/// <summary>Settings of the GoSmart.Privacy SDK, configured with <c>services.AddGoSmartPrivacy(o =&gt; …)</c> and validated at start-up.</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// Gets or sets the key of <see cref="ErasureStrategy.Hash"/> pseudonyms and of log redaction, base64-encoded,
    /// at least <see cref="RedactionContext.MinimumKeyLength"/> bytes once decoded. Load it from configuration or a
    /// secret store; never write it in code. Changing it changes every pseudonym.
    /// </summary>
    public string? PseudonymKey { get; set; }
}
