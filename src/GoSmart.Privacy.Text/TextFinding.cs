namespace GoSmart.Privacy.Text;

/// <summary>One piece of personal data found in a text: what, where (UTF-16 offsets), and how sure.</summary>
/// <param name="Type">What was found.</param>
/// <param name="Start">The first character.</param>
/// <param name="Length">How many characters.</param>
/// <param name="Confidence">From 0 to 1.</param>
public readonly record struct TextFinding(TextEntityType Type, int Start, int Length, double Confidence)
{
    /// <summary>Gets the special category, for <see cref="TextEntityType.SpecialCategory"/> findings.</summary>
    public SpecialCategory? Category { get; init; }

    /// <summary>Gets the language of the word list that matched, for <see cref="TextEntityType.SpecialCategory"/> findings.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the index of the participant (in <see cref="ScanContext.Participants"/>), for <see cref="TextEntityType.Participant"/> findings.</summary>
    public int? Participant { get; init; }

    /// <summary>Gets the first character after the finding.</summary>
    public int End => Start + Length;
}
