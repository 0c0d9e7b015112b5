using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Export;

/// <summary>Renders the records of a flat area (no nested members) as CSV rows (RFC 4180) for portability (Art. 20).</summary>
internal sealed class RecordCsv
{
    private readonly string[] _columns;
    private readonly byte[][] _names;
    private readonly string?[] _row;

    private RecordCsv(string[] columns)
    {
        _columns = columns;
        _names = [.. columns.Select(Encoding.UTF8.GetBytes)];

        _row = new string?[columns.Length];
    }

    /// <summary>
    /// The CSV layout of an exporter's records — the export names of the members of every covered type, in plan
    /// order — or <see langword="null"/> when a covered type has nested members and its records do not fit one row.
    /// </summary>
    public static RecordCsv? For(IPersonalDataExporter exporter)
    {
        if (exporter.Covers.Count == 0 || !exporter.Covers.All(t => PersonalDataPlans.For(t).Members.All(m => m.Path.IndexOfAny(['.', '[', '{']) < 0)))
        {
            return null;
        }

        return new RecordCsv([.. exporter.Covers.SelectMany(t => PersonalDataPlans.For(t).Members.Select(m => m.ExportName)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Writes the header row.</summary>
    public void AppendHeader(StringBuilder csv)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            Field(csv, _columns[i]);
        }

        csv.Append("\r\n");
    }

    /// <summary>Writes one record (the JSON its plan wrote) as a row, reading the bytes forward: no document is built.</summary>
    public void AppendRow(StringBuilder csv, ReadOnlyMemory<byte> json)
    {
        Array.Clear(_row);
        var reader = new Utf8JsonReader(json.Span);
        reader.Read(); // the record's StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = Column(ref reader);
            reader.Read();
            if (column >= 0)
            {
                _row[column] = Text(ref reader, json.Span);
            }
            else
            {
                reader.Skip();
            }
        }

        for (var i = 0; i < _row.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            if (_row[i] is { } value)
            {
                Field(csv, value);
            }
        }

        csv.Append("\r\n");
    }

    /// <summary>The column of the property name the reader is on, or -1; a flat area has few columns, so a scan is enough.</summary>
    private int Column(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A cell: strings as they are, lists joined with "; ", anything else as its JSON text.</summary>
    private static string Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return string.Empty;
            case JsonTokenType.String:
                return reader.GetString() ?? string.Empty;
            case JsonTokenType.StartArray:
                var items = new StringBuilder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Append(items.Length > 0 ? "; " : string.Empty).Append(Text(ref reader, json));
                }

                return items.ToString();
            case JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
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
