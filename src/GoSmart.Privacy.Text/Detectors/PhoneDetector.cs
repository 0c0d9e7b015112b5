using System.Collections.Frozen;
using PhoneNumbers;

namespace GoSmart.Privacy.Text.Detectors;

/// <summary>
/// Phone numbers by libphonenumber, valid for the region the scan names (or carrying their own country code) — not every
/// digit run: order ids, prices and dates are not valid numbers. It runs only when the text has seven digits close together.
/// </summary>
internal static class PhoneDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly System.Collections.Frozen.FrozenSet<string> Regions = Util.GetSupportedRegions().ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether libphonenumber knows <paramref name="region"/> (a two-letter code, any case).</summary>
    public static bool IsRegion(string? region) => region is { Length: 2 } && Regions.Contains(region);

    public static void Find(string text, string? requested, string fallback, ref Findings findings)
    {
        var region = IsRegion(requested) ? requested!.ToUpperInvariant() : fallback; // an unknown region never throws: the default applies
        var span = text.AsSpan();
        Span<int> ends = stackalloc int[MaxDigits];
        var i = 0;
        while (i < span.Length)
        {
            if (!Candidate(span, i, out var start, out var end, out var digits))
            {
                i++;
                continue;
            }

            i = Math.Max(end, i + 1);
            if (digits < MinDigits || LooksLikeDate(span[start..end]) || findings.Overlaps(start, end, Others))
            {
                continue; // too short for a number, a date, or already another detector's (a card, an IBAN, an IP …)
            }

            // From each start, the longest valid number ending at a group boundary: two numbers side by side are two. A
            // run that yields nothing is given up after a few leading groups, so no text costs more than a few parses per run.
            var from = start;
            var misses = 0;
            while (from < end && misses < 4)
            {
                var count = GroupEnds(span, from, end, ends);
                var to = -1;
                for (var k = count - 1; k >= 0 && to < 0; k--)
                {
                    to = IsValid(text.Substring(from, ends[k] - from), region) ? ends[k] : -1;
                }

                if (to > 0)
                {
                    findings.Add(new TextFinding(TextEntityType.Phone, from, to - from, span[from] == '+' ? 0.95 : 0.85));
                    (from, misses) = (NextStart(span, to, end), 0);
                }
                else
                {
                    (from, misses) = (NextStart(span, SkipGroup(span, from, end), end), misses + 1);
                }
            }
        }
    }

    private const int MinDigits = 7;
    private const int MaxDigits = 17; // E.164's 15, and a national trunk prefix

    private static readonly TextEntityType[] Others = [TextEntityType.PaymentCard, TextEntityType.Iban, TextEntityType.UsSocialSecurityNumber, TextEntityType.IpAddress, TextEntityType.IdentifyingUrl, TextEntityType.Email];

    /// <summary>
    /// A phone-shaped run starting at <paramref name="i"/>: an optional <c>+</c> or <c>(</c>, then digits with at most two
    /// separators (space, dash, dot, parentheses, slash) between neighbours, not inside a word or a longer token.
    /// </summary>
    private static bool Candidate(ReadOnlySpan<char> text, int i, out int start, out int end, out int digits)
    {
        (start, end, digits) = (i, i, 0);
        var c = text[i];
        if (!(char.IsAsciiDigit(c) || ((c == '+' || c == '(') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            return false;
        }

        if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '+' or '_' or '/' or '@' or '#' or '$' or '€' or '£'))
        {
            return false; // inside a word, an id, a path or a price
        }

        var gap = 0;
        var j = i + (char.IsAsciiDigit(c) ? 0 : 1);
        for (; j < text.Length; j++)
        {
            var d = text[j];
            if (char.IsAsciiDigit(d))
            {
                digits++;
                end = j + 1;
                gap = 0;
            }
            else if (gap < 2 && d is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0')
            {
                gap++;
            }
            else
            {
                break;
            }
        }

        if (end < text.Length && char.IsLetter(text[end]))
        {
            digits = 0; // digits running into a word ("2nd", "10am") are not a number: the run is skipped
        }
        else if (end < text.Length && text[end] == ')')
        {
            end++;
        }

        return true;
    }

    /// <summary>Dates and times written with numbers only: <c>10/12/1815</c>, <c>2026-12-07</c>, <c>07.12.2026</c>.</summary>
    private static bool LooksLikeDate(ReadOnlySpan<char> run)
    {
        Span<int> groups = stackalloc int[4];
        var count = 0;
        var length = 0;
        char separator = default;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                continue;
            }

            if (length == 0 || count == 3 || (separator != default && c != separator) || c is not ('/' or '-' or '.'))
            {
                return false;
            }

            separator = c;
            groups[count++] = length;
            length = 0;
        }

        groups[count++] = length;
        return count == 3 && ((groups[0] <= 2 && groups[1] <= 2 && groups[2] is 2 or 4) || (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2));
    }

    /// <summary>
    /// The ends of the digit groups after <paramref name="from"/> at which the number so far has between
    /// <see cref="MinDigits"/> and <see cref="MaxDigits"/> digits (a closing parenthesis included), in order; how many.
    /// </summary>
    private static int GroupEnds(ReadOnlySpan<char> text, int from, int end, Span<int> ends)
    {
        var count = 0;
        var digits = 0;
        for (var j = from; j < end && digits <= MaxDigits; j++)
        {
            if (!char.IsAsciiDigit(text[j]))
            {
                continue;
            }

            digits++;
            if ((j + 1 == end || !char.IsAsciiDigit(text[j + 1])) && digits is >= MinDigits and <= MaxDigits)
            {
                ends[count++] = j + 1 < end && text[j + 1] == ')' ? j + 2 : j + 1;
            }
        }

        return count;
    }

    /// <summary>The position after the digit group that starts at <paramref name="from"/> (after a leading <c>+</c> or <c>(</c>).</summary>
    private static int SkipGroup(ReadOnlySpan<char> text, int from, int end)
    {
        var j = from;
        while (j < end && !char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        while (j < end && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        return j;
    }

    private static int NextStart(ReadOnlySpan<char> text, int to, int end)
    {
        while (to < end && !(char.IsAsciiDigit(text[to]) || text[to] is '+' or '('))
        {
            to++;
        }

        return to;
    }

    /// <summary>
    /// Whether libphonenumber reads a valid number — and, written without a country code in a region whose numbers are
    /// always written with their national prefix (Germany's <c>0</c>), one that has it: "Bestellung 2205184" is an order.
    /// </summary>
    private static bool IsValid(string number, string region)
    {
        try
        {
            var parsed = Util.Parse(number, region);
            if (!Util.IsValidNumber(parsed))
            {
                return false;
            }

            var prefix = number[0] == '+' ? string.Empty : PrefixRequired.GetOrAdd(region, NationalPrefixRequired);
            return prefix.Length == 0 || number.AsSpan().TrimStart('(').StartsWith(prefix, StringComparison.Ordinal);
        }
        catch (NumberParseException)
        {
            return false; // not a number libphonenumber can read: content never throws
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PrefixRequired = new(StringComparer.Ordinal);

    /// <summary>The region's national prefix when every national format of the region writes it, else empty.</summary>
    private static string NationalPrefixRequired(string region)
    {
        var metadata = Util.GetMetadataForRegion(region);
        if (metadata is null || !metadata.HasNationalPrefix || metadata.NumberFormatCount == 0)
        {
            return string.Empty;
        }

        // Rules come substituted ("0${1}"): a rule that begins with the prefix writes it; formats without a rule are short numbers.
        var ruled = metadata.NumberFormatList.Where(f => f.HasNationalPrefixFormattingRule && f.NationalPrefixFormattingRule.Length > 0).ToList();
        var always = ruled.Count > 0 && ruled.All(f => !f.NationalPrefixOptionalWhenFormatting && f.NationalPrefixFormattingRule.StartsWith(metadata.NationalPrefix, StringComparison.Ordinal));
        return always ? metadata.NationalPrefix : string.Empty;
    }

    /// <summary>The number as one comparable key (country code and national number), read in <paramref name="region"/>; <see langword="null"/> when it is not a number.</summary>
    public static string? Key(string number, string region)
    {
        try
        {
            var parsed = Util.Parse(number, IsRegion(region) ? region.ToUpperInvariant() : "US");
            return parsed.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + parsed.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
