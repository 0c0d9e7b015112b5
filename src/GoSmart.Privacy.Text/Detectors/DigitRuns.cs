namespace GoSmart.Privacy.Text.Detectors;

/// <summary>Runs of digits allowing single separators between them (<c>4111 1111-1111 1111</c>), not touching other digits or letters.</summary>
internal static class DigitRuns
{
    /// <summary>
    /// Finds the next run at or after <paramref name="from"/> with at most <paramref name="maxDigits"/> digits (longer runs
    /// and runs touching letters are skipped), copying its digits into <paramref name="digits"/>.
    /// </summary>
    /// <returns>Where to continue, or -1 when there is no further run.</returns>
    public static int Next(ReadOnlySpan<char> text, int from, Span<byte> digits, int maxDigits, ReadOnlySpan<char> separators, out int start, out int end, out int count)
    {
        start = end = count = 0;
        var i = from;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsAsciiDigit(text[i - 1]) || char.IsLetter(text[i - 1]))))
            {
                i++;
                continue;
            }

            var j = i;
            var n = 0;
            var last = i;
            while (j < text.Length)
            {
                if (char.IsAsciiDigit(text[j]))
                {
                    if (n < digits.Length)
                    {
                        digits[n] = (byte)(text[j] - '0');
                    }

                    n++;
                    last = j;
                    j++;
                }
                else if (separators.Contains(text[j]) && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (n <= maxDigits && !(last + 1 < text.Length && char.IsLetter(text[last + 1])))
            {
                (start, end, count) = (i, last + 1, n);
                return last + 1;
            }

            i = last + 1;
        }

        return -1;
    }
}
