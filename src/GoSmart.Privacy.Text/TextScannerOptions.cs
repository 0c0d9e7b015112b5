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

    /// <summary>
    /// Gets or sets what erasure writes in place of the erased subject's mentions inside other people's
    /// <see cref="FreeTextAttribute"/> text; default <c>[user-1]</c> — one label for the whole request, so a reader sees it
    /// is one person, and nothing links it to who they were.
    /// </summary>
    public string ErasedSubjectLabel { get; set; } = "[user-1]";

    /// <summary>
    /// Gets or sets whether access packages mask third parties' contact details, card and bank numbers, SSNs, IP addresses,
    /// identifying links and dates of birth inside other people's <see cref="FreeTextAttribute"/> text (Art. 15(4)); default
    /// <see langword="true"/>. When off, other people's free text is disclosed by its strategy, as any other member.
    /// </summary>
    public bool MaskThirdPartiesInAccessPackages { get; set; } = true;
}
