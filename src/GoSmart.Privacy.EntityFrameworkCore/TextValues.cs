using System.ComponentModel;
using System.Globalization;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Turns the text of a request (a subject id, a tenant, a corrected value) into a property's type.</summary>
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
}
