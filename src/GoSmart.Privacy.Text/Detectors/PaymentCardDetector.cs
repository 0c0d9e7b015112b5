namespace GoSmart.Privacy.Text.Detectors;

/// <summary>Payment cards: 13 to 19 digits (spaces or dashes between), a known issuer range, and a valid Luhn check digit.</summary>
internal static class PaymentCardDetector
{
    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        Span<byte> digits = stackalloc byte[19];
        var from = 0;
        while ((from = DigitRuns.Next(text, from, digits, 19, " -", out var start, out var end, out var count)) >= 0)
        {
            if (count >= 13 && Issued(digits[..count]) && Luhn(digits[..count]))
            {
                findings.Add(new TextFinding(TextEntityType.PaymentCard, start, end - start, 0.95));
            }
        }
    }

    /// <summary>Visa, Mastercard, American Express, Discover, JCB, Diners, UnionPay, Maestro prefixes and lengths.</summary>
    private static bool Issued(ReadOnlySpan<byte> d)
    {
        var two = (d[0] * 10) + d[1];
        var four = (two * 100) + (d[2] * 10) + d[3];
        return d.Length switch
        {
            16 or 13 or 19 when d[0] == 4 => true,
            16 when two is >= 51 and <= 55 || four is >= 2221 and <= 2720 => true,
            15 when two is 34 or 37 => true,
            >= 16 when four == 6011 || two == 65 || (four / 10) is >= 644 and <= 649 => true,
            >= 16 when four is >= 3528 and <= 3589 => true,
            14 when two is 36 or 38 || (four / 10) is >= 300 and <= 305 => true,
            >= 16 when two == 62 => true,
            >= 12 when two is 50 or (>= 56 and <= 58) or 63 or 67 => true,
            _ => false,
        };
    }

    private static bool Luhn(ReadOnlySpan<byte> d)
    {
        var sum = 0;
        for (var i = 0; i < d.Length; i++)
        {
            var v = d[d.Length - 1 - i];
            if (i % 2 == 1)
            {
                v *= 2;
                if (v > 9)
                {
                    v -= 9;
                }
            }

            sum += v;
        }

        return sum % 10 == 0;
    }
}
