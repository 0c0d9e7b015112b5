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
        if (!HasDigitRun(text, findings))
        {
            return; // no seven digits together outside what other detectors already found: libphonenumber is not asked
        }

        var region = IsRegion(requested) ? requested!.ToUpperInvariant() : fallback; // an unknown region never throws: the default applies

        try
        {
            foreach (var match in Util.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 10_000))
            {
                var end = match.Start + match.RawString.Length;
                if (!findings.Overlaps(match.Start, end, TextEntityType.PaymentCard, TextEntityType.Iban, TextEntityType.UsSocialSecurityNumber, TextEntityType.IpAddress, TextEntityType.IdentifyingUrl, TextEntityType.Email))
                {
                    findings.Add(new TextFinding(TextEntityType.Phone, match.Start, match.RawString.Length, match.RawString.StartsWith('+') ? 0.95 : 0.85));
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // content never throws: a text libphonenumber cannot read has no phone number for it
        }
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

    /// <summary>Seven digits close together (at most two separators between neighbours) that no card, IBAN, SSN, IP, URL or e-mail already holds.</summary>
    private static bool HasDigitRun(ReadOnlySpan<char> text, Findings findings)
    {
        var digits = 0;
        var gap = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                start = digits == 0 ? i : start;
                if (++digits >= 7 && !findings.Overlaps(start, i + 1, TextEntityType.PaymentCard, TextEntityType.Iban, TextEntityType.UsSocialSecurityNumber, TextEntityType.IpAddress, TextEntityType.IdentifyingUrl, TextEntityType.Email))
                {
                    return true;
                }

                gap = 0;
            }
            else if (digits > 0 && gap < 2 && c is ' ' or '-' or '.' or '(' or ')' or '/')
            {
                gap++;
            }
            else
            {
                (digits, gap) = (0, 0);
            }
        }

        return false;
    }
}
