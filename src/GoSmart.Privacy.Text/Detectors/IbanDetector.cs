using System.Collections.Frozen;

namespace GoSmart.Privacy.Text.Detectors;

/// <summary>IBANs: a country code, two check digits, the country's length, and a valid mod-97 check (spaces every four allowed, any case).</summary>
internal static class IbanDetector
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22, ["BR"] = 29,
        ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24,
        ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21,
        ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30,
        ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
        ["BI"] = 27, ["BY"] = 28, ["DJ"] = 27, ["FK"] = 18, ["HN"] = 28, ["IQ"] = 23, ["LC"] = 32, ["LY"] = 25, ["MN"] = 20, ["NI"] = 28,
        ["OM"] = 23, ["RU"] = 33, ["SC"] = 31, ["SD"] = 18, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["VA"] = 22, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Countries = Lengths.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        Span<char> compact = stackalloc char[34];
        for (var i = 0; i + 15 <= text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || !char.IsAsciiLetter(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])
                || (i > 0 && char.IsLetterOrDigit(text[i - 1])) || !Countries.TryGetValue(text.Slice(i, 2), out var length))
            {
                continue;
            }

            var n = 0;
            var j = i;
            while (j < text.Length && n < length)
            {
                var c = text[j];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[n++] = char.ToUpperInvariant(c);
                    j++;
                }
                else if (c == ' ' && n % 4 == 0 && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (n == length && (j == text.Length || !char.IsAsciiLetterOrDigit(text[j])) && Mod97(compact[..n]) == 1)
            {
                findings.Add(new TextFinding(TextEntityType.Iban, i, j - i, 0.95));
                i = j - 1;
            }
        }
    }

    /// <summary>The IBAN check: the first four characters moved to the end, letters as 10–35, the number modulo 97.</summary>
    private static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder;
    }
}
