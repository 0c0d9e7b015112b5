using System.ComponentModel;
using System.Globalization;

namespace GoSmart.Privacy;

/// <summary>
/// Turns the text of a request (a subject id, a tenant, a corrected value) into a member's type — one rule for the
/// check at submission (<c>CorrectionRules</c>), the privacy center's form and the handlers that apply a correction.
/// </summary>
internal static class TextValues
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="type"/> in the invariant culture.</summary>
    /// <param name="text">The text.</param>
    /// <param name="type">The property's type (nullable allowed).</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="false"/> when the text is not a value of the type.</returns>
    public static bool TryParse(string text, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        try
        {
            var converter = TypeDescriptor.GetConverter(target);
            if (!converter.CanConvertFrom(typeof(string)))
            {
                return false;
            }

            value = converter.ConvertFromString(null, CultureInfo.InvariantCulture, text);
            return value is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="text"/> can be written to a member of <paramref name="type"/>: a value of the type, or <see langword="null"/> for a member that can be empty.</summary>
    /// <param name="text">The text, or <see langword="null"/> to clear the member.</param>
    /// <param name="type">The member's type.</param>
    /// <returns><see langword="true"/> when it fits.</returns>
    public static bool Fits(string? text, Type type) =>
        text is null ? !type.IsValueType || Nullable.GetUnderlyingType(type) is not null : TryParse(text, type, out _);

    /// <summary>The kind of value a person types for <paramref name="type"/>: Integer, Number, Boolean, Moment, Date, OneOf (an enumeration) or Text.</summary>
    /// <param name="type">The member's type.</param>
    /// <returns>The kind.</returns>
    public static string KindOf(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte) => "Integer",
            _ when target == typeof(decimal) || target == typeof(double) || target == typeof(float) => "Number",
            _ when target == typeof(bool) => "Boolean",
            _ when target == typeof(DateTime) || target == typeof(DateTimeOffset) => "Moment",
            _ when target == typeof(DateOnly) => "Date",
            _ when target.IsEnum => "OneOf",
            _ => "Text",
        };
    }

    /// <summary>The kind of value a person types for <paramref name="type"/>, in English, with an example: "a whole number, e.g. 42".</summary>
    /// <param name="type">The member's type.</param>
    /// <returns>The words.</returns>
    public static string Describe(Type type) => KindOf(type) switch
    {
        "Integer" => "a whole number, e.g. 42",
        "Number" => "a number with a point for decimals, e.g. 12.50",
        "Boolean" => "true or false",
        "Moment" => "a date and time, e.g. 2026-12-07T14:30:00Z",
        "Date" => "a date, e.g. 2026-12-07",
        "OneOf" => "one of " + string.Join(", ", Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type)),
        _ => "text",
    };
}
