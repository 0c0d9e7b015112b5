using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace GoSmart.Privacy;

/// <summary>
/// The typed transformations behind <see cref="ErasureStrategy.Mask"/> and <see cref="ErasureStrategy.Generalize"/>.
/// Plans call them; handlers may too. Every one is idempotent: applying it to its own result changes nothing.
/// </summary>
public static class RedactionStrategies
{
    /// <summary>The character that replaces masked characters.</summary>
    public const char MaskCharacter = '*';

    /// <summary>Keeps the last <paramref name="visibleCharacters"/> characters and replaces the rest with <see cref="MaskCharacter"/>; a value no longer than that is masked whole.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="visibleCharacters">How many trailing characters stay visible.</param>
    /// <returns>The masked value, of the same length.</returns>
    public static string? Mask(string? value, int visibleCharacters)
    {
        if (value is null || value.Length == 0)
        {
            return value;
        }

        var keep = value.Length > visibleCharacters ? Math.Max(visibleCharacters, 0) : 0;
        var hidden = value.Length - keep;
        if (value.AsSpan(0, hidden).IndexOfAnyExcept(MaskCharacter) < 0)
        {
            return value;
        }

        return string.Create(value.Length, (value, hidden), static (dest, s) =>
        {
            dest[..s.hidden].Fill(MaskCharacter);
            s.value.AsSpan(s.hidden).CopyTo(dest[s.hidden..]);
        });
    }

    /// <summary>Returns the first moment of the value's year, keeping its <see cref="DateTime.Kind"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 January of the same year, midnight.</returns>
    public static DateTime Generalize(DateTime value) => new(value.Year, 1, 1, 0, 0, 0, value.Kind);

    /// <summary>Returns the first moment of the value's year, keeping its offset.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 January of the same year, midnight, same offset.</returns>
    public static DateTimeOffset Generalize(DateTimeOffset value) => new(value.Year, 1, 1, 0, 0, 0, value.Offset);

    /// <summary>Returns the first day of the value's year.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 January of the same year.</returns>
    public static DateOnly Generalize(DateOnly value) => new(value.Year, 1, 1);

    /// <summary>Returns the start of the value's hour.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The time with minutes and smaller parts removed.</returns>
    public static TimeOnly Generalize(TimeOnly value) => new(value.Hour, 0);

    /// <summary>Returns the value's network: /24 for IPv4 (also when mapped into IPv6), /48 for IPv6.</summary>
    /// <param name="value">The address, or <see langword="null"/>.</param>
    /// <returns>The network address.</returns>
    public static IPAddress? Generalize(IPAddress? value)
    {
        if (value is null)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, out var length);
        bytes = bytes[..length];
        int keep;
        if (value.AddressFamily == AddressFamily.InterNetwork)
        {
            keep = 3;
        }
        else
        {
            keep = value.IsIPv4MappedToIPv6 ? 15 : 6;
        }

        if (bytes[keep..].IndexOfAnyExcept((byte)0) < 0)
        {
            return value;
        }

        bytes[keep..].Clear();
        return value.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress(bytes, value.ScopeId) : new IPAddress(bytes);
    }

    /// <summary>Rounds a number toward zero to a multiple of <paramref name="bucketSize"/>: the lower bound of its bucket for positive values.</summary>
    /// <typeparam name="T">An integer, floating-point or decimal type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="bucketSize">The bucket width, 1 or more.</param>
    /// <returns>The generalized value.</returns>
    public static T Generalize<T>(T value, int bucketSize)
        where T : INumber<T>
    {
        if (bucketSize <= 0)
        {
            return value;
        }

        var bucket = T.CreateSaturating(bucketSize);
        var rem = value % bucket;
        return T.IsNaN(rem) ? value : value - rem;
    }
}
