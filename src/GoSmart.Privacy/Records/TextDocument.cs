using System.Net;
using System.Text;

namespace GoSmart.Privacy.Records;

/// <summary>
/// A small document — headings, paragraphs, lists, tables — built once and rendered as Markdown or as self-contained
/// HTML, so the records and the notice read the same in both.
/// </summary>
internal sealed class TextDocument
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
        + "h2{margin-top:2.2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}"
        + "th{background:#f2f4f8}.gap{color:#8a1c1c}";

    private readonly List<(Kind Kind, int Level, string[] Cells, string[][]? Rows)> _blocks = [];

    private enum Kind
    {
        Heading,
        Paragraph,
        List,
        Table,
    }

    public TextDocument Heading(int level, string text)
    {
        _blocks.Add((Kind.Heading, level, [text], null));
        return this;
    }

    public TextDocument Paragraph(string text)
    {
        _blocks.Add((Kind.Paragraph, 0, [text], null));
        return this;
    }

    public TextDocument List(IEnumerable<string> items)
    {
        var all = items.ToArray();
        if (all.Length > 0)
        {
            _blocks.Add((Kind.List, 0, all, null));
        }

        return this;
    }

    public TextDocument Table(string[] headers, IEnumerable<string[]> rows)
    {
        _blocks.Add((Kind.Table, 0, headers, rows.ToArray()));
        return this;
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        foreach (var (kind, level, cells, rows) in _blocks)
        {
            switch (kind)
            {
                case Kind.Heading:
                    md.Append('#', level).Append(' ').Append(Md(cells[0])).Append("\n\n");
                    break;
                case Kind.Paragraph:
                    md.Append(Md(cells[0])).Append("\n\n");
                    break;
                case Kind.List:
                    foreach (var item in cells)
                    {
                        md.Append("- ").Append(Md(item)).Append('\n');
                    }

                    md.Append('\n');
                    break;
                default:
                    md.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n|").AppendJoin("|", cells.Select(_ => " --- ")).Append("|\n");
                    foreach (var row in rows!)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                    }

                    md.Append('\n');
                    break;
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>The document as HTML: a whole page with its own style (<paramref name="title"/> set), or a fragment to place in a host's page.</summary>
    public string ToHtml(string? title)
    {
        var html = new StringBuilder();
        if (title is not null)
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .Append(H(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>\n");
        }

        foreach (var (kind, level, cells, rows) in _blocks)
        {
            switch (kind)
            {
                case Kind.Heading:
                    html.Append("<h").Append(level).Append('>').Append(H(cells[0])).Append("</h").Append(level).Append(">\n");
                    break;
                case Kind.Paragraph:
                    html.Append("<p>").Append(H(cells[0])).Append("</p>\n");
                    break;
                case Kind.List:
                    html.Append("<ul>\n");
                    foreach (var item in cells)
                    {
                        html.Append("<li>").Append(H(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                default:
                    html.Append("<table><thead><tr>");
                    foreach (var header in cells)
                    {
                        html.Append("<th>").Append(H(header)).Append("</th>");
                    }

                    html.Append("</tr></thead><tbody>\n");
                    foreach (var row in rows!)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append("<td>").Append(H(cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody></table>\n");
                    break;
            }
        }

        if (title is not null)
        {
            html.Append("</main></body></html>\n");
        }

        return html.ToString();
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Markdown text with the characters that would start markup escaped.</summary>
    private static string Md(string text)
    {
        var md = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                md.Append('\\');
            }

            md.Append(c);
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Length == 0 ? " " : Md(text);
}
