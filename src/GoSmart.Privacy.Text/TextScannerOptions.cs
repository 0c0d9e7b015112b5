namespace GoSmart.Privacy.Text;

/// <summary>How the scanner reads numbers and which topic words it knows.</summary>
public sealed class TextScannerOptions
{
    /// <summary>Gets or sets the region phone numbers without a country code are read in when the scan's context names none; default <c>US</c>.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Gets or sets whether the built-in topic words (English, German, French, Spanish) are used; default <see langword="true"/>.</summary>
    public bool UseBuiltInTopics { get; set; } = true;

    /// <summary>Gets the host's own topic words: more words, or other languages.</summary>
    public IList<TopicWords> Topics { get; } = [];
}
