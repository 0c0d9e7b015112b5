namespace GoSmart.Privacy.Text.Detectors;

/// <summary>E-mail addresses: a local part, '@', and a domain with a dot and a top-level domain of letters.</summary>
internal static class EmailDetector
{
    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        var at = -1;
        while ((at = Next(text, at + 1)) >= 0)
        {
            var start = at;
            while (start > 0 && IsLocal(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            var end = at + 1;
            var lastDot = -1;
            while (end < text.Length && IsDomain(text[end]))
            {
                if (text[end] == '.')
                {
                    lastDot = end;
                }

                end++;
            }

            while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
            {
                end--;
            }

            lastDot = text[..end].LastIndexOf('.');
            if (start < at && lastDot > at + 1 && end - lastDot - 1 >= 2 && AllLetters(text[(lastDot + 1)..end]))
            {
                findings.Add(new TextFinding(TextEntityType.Email, start, end - start, 0.95));
                at = end - 1;
            }
        }
    }

    private static int Next(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var i = text[from..].IndexOf('@');
        return i < 0 ? -1 : from + i;
    }

    private static bool IsLocal(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '%' or '+' or '-' || (c > 127 && char.IsLetter(c));

    private static bool IsDomain(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '.' or '-' || (c > 127 && char.IsLetter(c));

    private static bool AllLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
