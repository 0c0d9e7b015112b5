namespace GoSmart.Privacy;

/// <summary>How subjects' data keys are cached (<see cref="PrivacyOptions.CryptoShredding"/>).</summary>
public sealed class CryptoShreddingOptions
{
    /// <summary>
    /// Gets or sets how long an unwrapped key (or the fact that it was shredded) is kept in memory. Another instance
    /// learns of a shredding at most this late; default one minute.
    /// </summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how many subjects' keys are cached at most; default 10,000 (about 1 MB).</summary>
    public int KeyCacheSize { get; set; } = 10_000;
}
