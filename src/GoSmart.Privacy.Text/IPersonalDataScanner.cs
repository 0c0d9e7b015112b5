namespace GoSmart.Privacy.Text;

/// <summary>Finds personal data inside free text — a chat message, a note — in-process, at message speed.</summary>
public interface IPersonalDataScanner
{
    /// <summary>Scans a text. Never throws on content (null, empty, huge, broken UTF-16) and never stalls: every detector is linear.</summary>
    /// <param name="text">The text.</param>
    /// <param name="context">Participants and region, if known.</param>
    /// <returns>The findings, in text order; an empty list (no allocation) when there are none.</returns>
    IReadOnlyList<TextFinding> Scan(string? text, ScanContext? context = null);
}
