namespace GoSmart.Privacy.Text;

/// <summary>What the host knows about a text: who is in the conversation, and where its phone numbers come from.</summary>
public sealed record ScanContext
{
    /// <summary>Gets an empty context.</summary>
    public static ScanContext None { get; } = new();

    /// <summary>Gets the display names of the conversation's participants (the most common personal data in chat).</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>Gets the two-letter region phone numbers without a country code are read in (the tenant's or the message's locale), e.g. <c>GB</c>; the scanner's default when <see langword="null"/>.</summary>
    public string? Region { get; init; }
}
