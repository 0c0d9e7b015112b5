using System.Net;

namespace GoSmart.Privacy.Text.Detectors;

/// <summary>IPv4 (four octets of 0–255) and IPv6 (hex groups with colons) addresses standing as their own token.</summary>
internal static class IpAddressDetector
{
    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsToken(text[i]) || (i > 0 && (IsToken(text[i - 1]) || char.IsLetter(text[i - 1]))))
            {
                i++;
                continue;
            }

            var j = i;
            while (j < text.Length && IsToken(text[j]))
            {
                j++;
            }

            var end = j;
            while (end > i && text[end - 1] is '.' or ':')
            {
                end--; // a sentence's full stop
            }

            var token = text[i..end];
            var dots = token.Count('.');
            var colons = token.Count(':');
            if (((dots == 3 && colons == 0 && IsDottedQuad(token)) || colons >= 2) && (j == text.Length || !char.IsLetter(text[j])) && IPAddress.TryParse(token, out _))
            {
                findings.Add(new TextFinding(TextEntityType.IpAddress, i, end - i, colons >= 2 ? 0.9 : 0.85));
            }

            i = j + 1;
        }
    }

    private static bool IsToken(char c) => char.IsAsciiDigit(c) || c is '.' or ':' || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    private static bool IsDottedQuad(ReadOnlySpan<char> token)
    {
        var parts = 0;
        var digits = 0;
        var value = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (digits == 0)
                {
                    return false;
                }

                parts++;
                (digits, value) = (0, 0);
            }
            else if (char.IsAsciiDigit(c) && digits < 3)
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return parts == 3 && digits > 0;
    }
}
