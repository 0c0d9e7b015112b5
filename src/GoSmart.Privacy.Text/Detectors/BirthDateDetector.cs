namespace GoSmart.Privacy.Text.Detectors;

/// <summary>
/// Dates of birth: a date (<c>10/12/1815</c>, <c>1815-12-10</c>, <c>10.12.1815</c>, <c>10 December 1815</c>,
/// <c>December 10, 1815</c>, month names in the four languages) within a few words of a word about birth.
/// </summary>
internal static class BirthDateDetector
{
    private static readonly string[] BirthWords =
    [
        "born", "birthday", "birth", "dob", "d.o.b", "date of birth", "birthdate",
        "geboren", "geburtstag", "geburtsdatum", "geb",
        "ne", "nee", "naissance", "date de naissance", "anniversaire",
        "nacido", "nacida", "nacimiento", "fecha de nacimiento", "cumpleanos",
    ];

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januar", "februar", "marz", "mai", "juni", "juli", "oktober", "dezember",
        "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ];

    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        if (!Near(text, 0, text.Length))
        {
            return; // no word about birth anywhere: no date is a birth date
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) && !char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var length = Date(text[i..]);
            if (length > 0 && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && Near(text, i, i + length))
            {
                findings.Add(new TextFinding(TextEntityType.DateOfBirth, i, length, 0.85));
                i += length;
                continue;
            }

            // next token
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            i++;
        }
    }

    /// <summary>The length of a date at the start of <paramref name="s"/>, or 0.</summary>
    private static int Date(ReadOnlySpan<char> s)
    {
        if (char.IsAsciiDigit(s[0]))
        {
            // d{1,4} sep d{1,2} sep d{2,4}
            var a = Digits(s, 0);
            if (a is >= 1 and <= 4 && a < s.Length && s[a] is '/' or '-' or '.')
            {
                var b = Digits(s, a + 1);
                if (b is >= 1 and <= 2 && a + 1 + b < s.Length && s[a + 1 + b] == s[a])
                {
                    var c = Digits(s, a + 2 + b);
                    if (c is 2 or 4 && (a == 4 ? c == 2 : true) && (a + 2 + b + c == s.Length || !char.IsAsciiDigit(s[a + 2 + b + c])))
                    {
                        return a + 2 + b + c;
                    }
                }
            }

            // d{1,2}[.] Month yyyy
            var gap = a < s.Length && s[a] == '.' ? 2 : 1;
            if (a is 1 or 2 && a + gap < s.Length && s[a + gap - 1] == ' ' && s[a + gap] != ' ')
            {
                var month = MonthLength(s[(a + gap)..]);
                if (month > 0)
                {
                    var at = a + gap + month;
                    if (at < s.Length && s[at] == '.')
                    {
                        at++;
                    }

                    if (at + 1 < s.Length && s[at] == ' ' && Digits(s, at + 1) == 4)
                    {
                        return at + 5;
                    }
                }
            }

            return 0;
        }

        // Month d{1,2}, yyyy
        var m = MonthLength(s);
        if (m > 0 && m + 1 < s.Length && s[m] == ' ')
        {
            var d = Digits(s, m + 1);
            var at = m + 1 + d;
            if (d is 1 or 2 && at + 1 < s.Length && s[at] == ',' && s[at + 1] == ' ' && Digits(s, at + 2) == 4)
            {
                return at + 6;
            }
        }

        return 0;
    }

    private static int Digits(ReadOnlySpan<char> s, int from)
    {
        var n = 0;
        while (from + n < s.Length && char.IsAsciiDigit(s[from + n]))
        {
            n++;
        }

        return n;
    }

    private static int MonthLength(ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && char.IsLetter(s[n]))
        {
            n++;
        }

        if (n < 3 || n > 10)
        {
            return 0;
        }

        Span<char> folded = stackalloc char[n];
        for (var k = 0; k < n; k++)
        {
            folded[k] = Chars.Fold(s[k]);
        }

        foreach (var month in Months)
        {
            if (folded.SequenceEqual(month))
            {
                return n;
            }
        }

        return 0;
    }

    private static bool Near(ReadOnlySpan<char> text, int start, int end)
    {
        var window = text[Math.Max(0, start - 48)..Math.Min(text.Length, end + 24)];
        return Any(window);
    }

    private static bool Any(ReadOnlySpan<char> window)
    {
        foreach (var word in BirthWords)
        {
            if (Chars.ContainsWords(window, word))
            {
                return true;
            }
        }

        return false;
    }
}
