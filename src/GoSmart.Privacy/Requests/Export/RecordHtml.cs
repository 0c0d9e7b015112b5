using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Requests.Export;

/// <summary>
/// Renders one exported record (the JSON its plan wrote) as HTML a person reads: a definition list per object with
/// field names in plain words, nested records indented inside their field, lists as lists, empty values as a dash.
/// </summary>
internal static class RecordHtml
{
    public static void Append(StringBuilder html, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        Value(html, document.RootElement);
    }

    /// <summary>A JSON name in plain words: <c>displayName</c> → "Display name", <c>email_address</c> → "Email address".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }

    /// <summary>A category key in plain words: <c>user.contact.email</c> → "Contact email"; <c>user.financial.credit_card</c> → "Financial credit card".</summary>
    public static string Category(string key)
    {
        var trimmed = key.StartsWith("user.", StringComparison.Ordinal) ? key[5..] : key.StartsWith("system.", StringComparison.Ordinal) ? key[7..] : key;
        return Words(trimmed);
    }

    private static void Value(StringBuilder html, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<dl>");
                foreach (var property in value.EnumerateObject())
                {
                    html.Append("<dt>").Append(H(Words(property.Name))).Append("</dt><dd>");
                    Value(html, property.Value);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                html.Append("<span class=\"none\">none</span>");
                break;
            case JsonValueKind.Array:
                html.Append("<ul>");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<li>");
                    Value(html, item);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case JsonValueKind.Null:
            case JsonValueKind.String when value.GetString() is "":
                html.Append("<span class=\"none\">—</span>");
                break;
            case JsonValueKind.True:
                html.Append("yes");
                break;
            case JsonValueKind.False:
                html.Append("no");
                break;
            case JsonValueKind.Number:
                html.Append(H(value.GetRawText()));
                break;
            default:
                html.Append(H(value.GetString()));
                break;
        }
    }

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}

/// <summary>Renders the records of a flat area (no nested members) as CSV rows (RFC 4180) for portability (Art. 20).</summary>
internal static class RecordCsv
{
    /// <summary>Whether every type an exporter covers has only top-level members: its records fit one CSV row each.</summary>
    public static bool IsFlat(IPersonalDataExporter exporter) =>
        exporter.Covers.Count > 0 && exporter.Covers.All(t => PersonalDataPlan.For(t).Members.All(m => m.Path.IndexOfAny(['.', '[', '{']) < 0));

    /// <summary>Writes the header row: the export names of the members of every covered type, in plan order.</summary>
    public static IReadOnlyList<string> Columns(IPersonalDataExporter exporter) =>
        [.. exporter.Covers.SelectMany(t => PersonalDataPlan.For(t).Members.Select(m => m.ExportName)).Distinct(StringComparer.Ordinal)];

    public static void AppendRow(StringBuilder csv, IReadOnlyList<string> columns, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            if (document.RootElement.TryGetProperty(columns[i], out var value))
            {
                Field(csv, value.ValueKind switch
                {
                    JsonValueKind.Null => string.Empty,
                    JsonValueKind.String => value.GetString() ?? string.Empty,
                    JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                    _ => value.GetRawText(),
                });
            }
        }

        csv.Append("\r\n");
    }

    public static void AppendHeader(StringBuilder csv, IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            Field(csv, columns[i]);
        }

        csv.Append("\r\n");
    }

    private static void Field(StringBuilder csv, string value)
    {
        // Quote what needs it; neutralise spreadsheet formulas (=, +, -, @) so opening the file runs nothing.
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        if (text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.Length != text.Trim().Length)
        {
            csv.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            csv.Append(text);
        }
    }
}
