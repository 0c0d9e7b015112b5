using System.Globalization;
using System.Net;
using System.Text;

namespace GoSmart.Privacy.Export;

/// <summary>
/// The README.html of a zip package: what the package is, then the data itself — one section per area, every record
/// readable (<see cref="RecordHtml"/>) — then the Art. 15(1) information in plain words. The data sections stream in
/// between <c>head</c> and <c>tail</c>.
/// </summary>
internal static class AccessPackageReadme
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
        + "h3{margin-top:2rem;border-bottom:1px solid #ccc}article{border-left:3px solid #5b7fb3;padding:.3rem 0 .3rem .8rem;margin:1rem 0}"
        + "dl{margin:0}dt{font-weight:600}dd{margin:0 0 .4rem 1.2rem}dd dl{border-left:1px dotted #999;padding-left:.6rem}.none{color:#595959}td,th{padding:.2rem .6rem;text-align:left}";

    public static (string Head, string Tail) Around(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, IReadOnlyList<(string Exporter, int Records)> counts, DateTimeOffset generatedAt, PrivacyDisclosure disclosure, string? processor, IReadOnlyList<DisclosedRetention> retention)
    {
        var head = new StringBuilder();
        head.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Your personal data</title>")
            .Append("<style>").Append(Style).Append("</style></head><body><main>\n")
            .Append("<h1>Your personal data</h1>\n")
            .Append("<p>This package answers your request ").Append(H(request.Id.ToString())).Append(" (").Append(H(request.Kind.ToString().ToLowerInvariant()))
            .Append("), received ").Append(H(request.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)))
            .Append(" and prepared ").Append(H(generatedAt.ToString("u", CultureInfo.InvariantCulture))).Append(".</p>\n");
        if (disclosure.Controller is not null)
        {
            head.Append("<p>Controller: ").Append(H(disclosure.Controller)).Append("</p>\n");
        }

        if (processor is not null)
        {
            head.Append("<p>Processed on the controller's behalf by: ").Append(H(processor)).Append("</p>\n");
        }

        head.Append("<h2>Your data</h2>\n<p>Below is every record we hold about you, area by area. Where a record is someone else's — a message another person wrote — only your part of it is shown. ")
            .Append("The <code>data</code> folder holds the same records as JSON").Append(request.Kind == PrivacyRequestKind.Portability ? ", and as CSV for areas that fit a table" : string.Empty).Append(".</p>\n")
            .Append("<table><tr><th>Area</th><th>Records</th><th>File</th></tr>\n");
        foreach (var (exporter, records) in counts)
        {
            head.Append("<tr><td>").Append(H(RecordHtml.Words(exporter))).Append("</td><td>").Append(records).Append("</td><td>data/").Append(H(exporter)).Append(".json</td></tr>\n");
        }

        head.Append("</table>\n");

        var tail = new StringBuilder();
        tail.Append("<h2>Why we process it</h2>\n<ul>\n");
        foreach (var p in disclosure.Purposes)
        {
            tail.Append("<li>").Append(H(p.Description)).Append(" (legal basis: ").Append(H(RecordHtml.Words(p.LegalBasis.ToString()).ToLowerInvariant())).Append(")</li>\n");
        }

        tail.Append("</ul>\n<h2>What kinds of data</h2>\n<ul>\n");
        foreach (var (category, special) in AccessPackageWriter.Categories(exporters))
        {
            tail.Append("<li>").Append(H(RecordHtml.Category(category))).Append(special ? " — a special category, protected more strictly" : string.Empty).Append("</li>\n");
        }

        List("Who receives it", disclosure.Recipients);
        tail.Append("<h2>How long we keep it</h2>\n<ul>\n");
        foreach (var r in retention)
        {
            tail.Append("<li>").Append(H(r.Scope)).Append(": ").Append(H(r.Period)).Append("</li>\n");
        }

        tail.Append("</ul>\n");
        List("Where it comes from", disclosure.Sources);
        tail.Append("<p>").Append(H(disclosure.AutomatedDecisionMaking)).Append("</p>\n<h2>Your rights</h2>\n<ul>\n");
        foreach (var right in SubjectRights.All)
        {
            tail.Append("<li><strong>").Append(H(right.Name)).Append("</strong> (Art. ").Append(H(right.Article)).Append("): ").Append(H(right.Description)).Append("</li>\n");
        }

        tail.Append("</ul>\n");
        if (disclosure.PolicyUrl is not null)
        {
            tail.Append("<p>Privacy policy: <a href=\"").Append(H(disclosure.PolicyUrl.ToString())).Append("\">").Append(H(disclosure.PolicyUrl.ToString())).Append("</a></p>\n");
        }

        tail.Append("</main></body></html>\n");
        return (head.ToString(), tail.ToString());

        void List(string title, IEnumerable<string> items)
        {
            tail.Append("<h2>").Append(title).Append("</h2>\n<ul>\n");
            foreach (var item in items)
            {
                tail.Append("<li>").Append(H(item)).Append("</li>\n");
            }

            tail.Append("</ul>\n");
        }
    }

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}

/// <summary>A temporary file text is appended to while a package streams, then copied into it; deleted when disposed.</summary>
internal sealed class Spool : IAsyncDisposable
{
    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), "gosmart-package-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    private readonly StringBuilder _pending = new();

    /// <summary>Adds text to write with the next <see cref="WriteAsync"/>.</summary>
    public StringBuilder Append(string text) => _pending.Append(text);

    private const int FlushAt = 32 * 1024;
    private byte[] _bytes = new byte[FlushAt * 3];

    /// <summary>Takes <paramref name="text"/> (and anything appended) and clears it; written to the file in chunks of about 32 K characters.</summary>
    public Task WriteAsync(StringBuilder text, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(text, _pending))
        {
            _pending.Append(text);
            text.Clear();
        }

        return _pending.Length >= FlushAt ? FlushAsync(cancellationToken) : Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in _pending.GetChunks())
        {
            var needed = Encoding.UTF8.GetMaxByteCount(chunk.Length);
            if (_bytes.Length < needed)
            {
                _bytes = new byte[needed];
            }

            var written = Encoding.UTF8.GetBytes(chunk.Span, _bytes);
            await _file.WriteAsync(_bytes.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }

        _pending.Clear();
    }

    /// <summary>Copies everything written into <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = 0;
        await _file.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies everything written into a new zip entry.</summary>
    public async Task CopyToAsync(System.IO.Compression.ZipArchive zip, string entryName, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(entryName, System.IO.Compression.CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
