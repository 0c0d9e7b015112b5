using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace GoSmart.Privacy.GeneratedCode;

/// <summary>
/// How plans write each supported value type to JSON, so that every plan, generated or reflected,
/// writes the same bytes: ISO 8601 dates, <c>yyyy-MM-dd</c> for <see cref="DateOnly"/>, enum names,
/// addresses as text, non-finite floating-point values as strings.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PersonalDataJsonValues
{
    /// <summary>Writes a string or JSON <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a property holding a string or JSON <c>null</c>: the same bytes as <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/> and <see cref="Write(Utf8JsonWriter, string?)"/>, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a property holding a Boolean, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes a property holding a number, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes a property holding a number, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, ulong value) => writer.WriteNumber(name, value);

    /// <summary>Writes a property holding a number, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, decimal value) => writer.WriteNumber(name, value);

    /// <summary>Writes a property holding an ISO 8601 date and time, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTime value) => writer.WriteString(name, value);

    /// <summary>Writes a property holding an ISO 8601 date, time and offset, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) => writer.WriteString(name, value);

    /// <summary>Writes a property holding a GUID, in one call.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The pre-encoded property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, Guid value) => writer.WriteString(name, value);

    /// <summary>Writes a Boolean.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a character as a one-character string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, char value)
    {
        Span<char> one = [value];
        writer.WriteStringValue(one);
    }

    /// <summary>Writes a number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, ulong value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number, or a string for NaN and infinities.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a number, or a string for NaN and infinities.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes a number.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    /// <summary>Writes an ISO 8601 date and time.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateTime value) => writer.WriteStringValue(value);

    /// <summary>Writes an ISO 8601 date and time with offset.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> text = stackalloc char[10];
        value.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..n]);
    }

    /// <summary>Writes a time as <c>HH:mm:ss.fffffff</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var n, "HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..n]);
    }

    /// <summary>Writes a GUID in its 36-character form.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes an IP address as text, or JSON <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, IPAddress? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var n))
        {
            writer.WriteStringValue(text[..n]);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }

    /// <summary>Writes an enum value by name (combined flags as <c>A, B</c>; an undefined value as its number in text).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, Enum => writer.WriteStringValue(value.ToString());
}
