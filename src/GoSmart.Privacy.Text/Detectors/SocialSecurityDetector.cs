namespace GoSmart.Privacy.Text.Detectors;

/// <summary>
/// US social security numbers: <c>ddd-dd-dddd</c> (or spaced, or nine digits near words about it) with a valid area
/// (not 000, 666 or 900–999), group (not 00) and serial (not 0000). Without nearby context words the dashed form is
/// reported with lower confidence; a bare nine-digit run only with them.
/// </summary>
internal static class SocialSecurityDetector
{
    private static readonly string[] ContextWords = ["ssn", "social security", "soc sec", "ss#", "ss #", "social-security", "sozialversicherungsnummer", "securite sociale", "seguro social"];

    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        Span<byte> digits = stackalloc byte[9];
        var from = 0;
        while ((from = DigitRuns.Next(text, from, digits, 9, " -", out var start, out var end, out var count)) >= 0)
        {
            if (count != 9 || !Valid(digits))
            {
                continue;
            }

            var shaped = end - start == 11 && text[start + 3] == text[start + 6] && text[start + 3] is '-' or ' ';
            var context = Near(text, start, end);
            if (shaped || context)
            {
                findings.Add(new TextFinding(TextEntityType.UsSocialSecurityNumber, start, end - start, context ? 0.9 : 0.6));
            }
        }
    }

    private static bool Valid(ReadOnlySpan<byte> d)
    {
        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        return area is not (0 or 666) && area < 900 && group != 0 && serial != 0;
    }

    private static bool Near(ReadOnlySpan<char> text, int start, int end)
    {
        var window = text[Math.Max(0, start - 40)..Math.Min(text.Length, end + 20)];
        foreach (var word in ContextWords)
        {
            if (Chars.ContainsWords(window, word))
            {
                return true;
            }
        }

        return false;
    }
}
