using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Export;

/// <summary>
/// Renders one exported record (the JSON its plan wrote) as HTML a person reads: a definition list per object with
/// field names in plain words, nested records indented inside their field, lists as lists, empty values as a dash.
/// Reads the JSON bytes forward with <see cref="Utf8JsonReader"/> — no document is built, so a million records
/// allocate nothing per record beyond the words of names not seen before.
/// </summary>
internal sealed class RecordHtml
{
    private readonly NameWords _names = new();

    /// <summary>Appends one record; one instance renders a whole package, so each field name is put in words once.</summary>
    public void Append(StringBuilder html, ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        if (reader.Read())
        {
            Value(html, ref reader, _names);
        }
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

    /// <summary>Renders the value the reader is on and leaves the reader on its last token.</summary>
    private static void Value(StringBuilder html, ref Utf8JsonReader reader, NameWords names)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                html.Append("<dl>");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    html.Append("<dt>").Append(names.Of(ref reader)).Append("</dt><dd>");
                    reader.Read();
                    Value(html, ref reader, names);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonTokenType.StartArray:
                reader.Read();
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    html.Append("<span class=\"none\">none</span>");
                    break;
                }

                html.Append("<ul>");
                do
                {
                    html.Append("<li>");
                    Value(html, ref reader, names);
                    html.Append("</li>");
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);

                html.Append("</ul>");
                break;
            case JsonTokenType.Null:
            case JsonTokenType.String when reader.ValueSpan.IsEmpty:
                html.Append("<span class=\"none\">—</span>");
                break;
            case JsonTokenType.True:
                html.Append("yes");
                break;
            case JsonTokenType.False:
                html.Append("no");
                break;
            default: // strings and numbers
                AppendEncoded(html, ref reader);
                break;
        }
    }

    /// <summary>Appends the string or number the reader is on, unescaped from JSON and escaped for HTML, through pooled buffers.</summary>
    internal static void AppendEncoded(StringBuilder html, ref Utf8JsonReader reader)
    {
        // The reader reads one span: every value is in ValueSpan, and UTF-8 never has fewer bytes than UTF-16 has chars.
        var text = ArrayPool<char>.Shared.Rent(Math.Max(reader.ValueSpan.Length, 16));
        try
        {
            var chars = reader.TokenType == JsonTokenType.String ? reader.CopyString(text) : Encoding.UTF8.GetChars(reader.ValueSpan, text);
            AppendEncoded(html, text.AsSpan(0, chars));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    private static void AppendEncoded(StringBuilder html, ReadOnlySpan<char> text)
    {
        // The five characters HTML gives meaning to; everything else, every script, is written as it is.
        int at;
        while ((at = text.IndexOfAny("<>&\"'")) >= 0)
        {
            html.Append(text[..at]).Append(text[at] switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(at + 1)..];
        }

        html.Append(text);
    }

    /// <summary>
    /// The plain words of each JSON name, computed once per distinct name and package: a plan writes the same few
    /// names for every record. Keyed by the name's UTF-8 bytes, so a hit allocates nothing. Bounded, so an exporter
    /// writing dictionary keys (a new one per record) cannot grow it without limit.
    /// </summary>
    private sealed class NameWords
    {
        private const int Limit = 4096;
        private readonly Dictionary<int, List<(byte[] Name, string Words)>> _words = [];
        private int _count;

        public string Of(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return WebUtility.HtmlEncode(Words(reader.GetString() ?? string.Empty));
            }

            var name = reader.ValueSpan;
            var hash = new HashCode();
            hash.AddBytes(name);
            var key = hash.ToHashCode();
            if (_words.TryGetValue(key, out var bucket))
            {
                foreach (var (known, words) in bucket)
                {
                    if (name.SequenceEqual(known))
                    {
                        return words;
                    }
                }
            }

            var result = WebUtility.HtmlEncode(Words(Encoding.UTF8.GetString(name)));
            if (_count < Limit)
            {
                if (bucket is null)
                {
                    _words[key] = bucket = [];
                }

                bucket.Add((name.ToArray(), result));
                _count++;
            }

            return result;
        }
    }
}
