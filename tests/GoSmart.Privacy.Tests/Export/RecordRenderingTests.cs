using System.Text;
using GoSmart.Privacy.Export;

namespace GoSmart.Privacy.Tests.Export;

/// <summary>The README's and the CSV's renderers read a record's JSON forward; odd JSON must render as a person reads it.</summary>
public class RecordRenderingTests
{
    private static string Html(string json)
    {
        var html = new StringBuilder();
        new RecordHtml().Append(html, Encoding.UTF8.GetBytes(json));
        return html.ToString();
    }

    [Fact]
    public void Names_become_words_values_are_unescaped_from_json_and_escaped_for_html()
    {
        var html = Html("""{"displayName":"Zo\u00eb <b>\"Z\"</b>","email_address":"z@example.com","\u0061ge":36,"active":true,"blocked":false,"note":null,"nick":""}""");

        Assert.Equal(
            "<dl><dt>Display name</dt><dd>Zoë &lt;b&gt;&quot;Z&quot;&lt;/b&gt;</dd><dt>Email address</dt><dd>z@example.com</dd><dt>Age</dt><dd>36</dd>"
            + "<dt>Active</dt><dd>yes</dd><dt>Blocked</dt><dd>no</dd><dt>Note</dt><dd><span class=\"none\">—</span></dd><dt>Nick</dt><dd><span class=\"none\">—</span></dd></dl>",
            html);
    }

    [Fact]
    public void Nested_records_and_lists_nest_and_an_empty_list_says_none()
    {
        var html = Html("""{"phones":[{"number":"+44 20"},{"number":"+1 555"}],"tags":[],"matrix":[[1,2],[]],"address":{"city":"London"}}""");

        Assert.Equal(
            "<dl><dt>Phones</dt><dd><ul><li><dl><dt>Number</dt><dd>+44 20</dd></dl></li><li><dl><dt>Number</dt><dd>+1 555</dd></dl></li></ul></dd>"
            + "<dt>Tags</dt><dd><span class=\"none\">none</span></dd>"
            + "<dt>Matrix</dt><dd><ul><li><ul><li>1</li><li>2</li></ul></li><li><span class=\"none\">none</span></li></ul></dd>"
            + "<dt>Address</dt><dd><dl><dt>City</dt><dd>London</dd></dl></dd></dl>",
            html);
    }

    [Fact]
    public void Long_values_and_many_names_render_whole()
    {
        var text = string.Concat(Enumerable.Repeat("<&> ", 2_000));
        var names = string.Join(',', Enumerable.Range(0, 5_000).Select(i => $"\"key{i}\":{i}"));

        Assert.Equal("<dl><dt>Text</dt><dd>" + text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("&lt;&", "&lt;&amp;", StringComparison.Ordinal) + "</dd></dl>", Html($"{{\"text\":\"{text}\"}}"));
        var many = Html("{" + names + "}");
        Assert.Contains("<dt>Key4999</dt><dd>4999</dd>", many, StringComparison.Ordinal); // past the name cache's bound
        Assert.Contains("<dt>Key0</dt><dd>0</dd>", many, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_row_takes_its_columns_by_name_whatever_the_json_order_and_skips_what_is_not_a_column()
    {
        var csv = RecordCsv.For(new FlatAccounts())!;
        var rows = new StringBuilder();
        csv.AppendHeader(rows);

        csv.AppendRow(rows, Encoding.UTF8.GetBytes("""{"extra":{"a":[1,{"b":2}]},"name":"L\u00f6we, \"Ada\"","username":"-ada","id":"u-1"}"""));
        csv.AppendRow(rows, Encoding.UTF8.GetBytes("""{"id":"u-2","name":null}"""));

        Assert.Equal("id,username,name\r\nu-1,'-ada,\"Löwe, \"\"Ada\"\"\"\r\nu-2,,\r\n", rows.ToString());
    }

    [Fact]
    public void An_area_with_nested_members_has_no_csv()
    {
        Assert.Null(RecordCsv.For(new NestedContacts()));
    }

    private sealed class FlatAccounts : IPersonalDataExporter
    {
        public string Name => "accounts";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Models.ChatProducts.RocketChatUser)];

        public IAsyncEnumerable<object> ExportAsync(SubjectRef subject, CancellationToken cancellationToken) => AsyncEnumerable.Empty<object>();
    }

    private sealed class NestedContacts : IPersonalDataExporter
    {
        public string Name => "contacts";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Models.Contact)];

        public IAsyncEnumerable<object> ExportAsync(SubjectRef subject, CancellationToken cancellationToken) => AsyncEnumerable.Empty<object>();
    }
}
