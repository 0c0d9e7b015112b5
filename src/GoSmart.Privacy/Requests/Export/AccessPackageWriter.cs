using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Requests.Export;

/// <summary>
/// Streams an access or portability package: records are written one by one through their plans and the writer
/// is flushed as it fills, so memory stays flat however many records there are.
/// </summary>
internal sealed class AccessPackageWriter(RedactionContext redaction, PrivacyDisclosure disclosure)
{
    private const int FlushThreshold = 32 * 1024;
    // The package is a file the subject reads, never embedded in HTML: non-ASCII names stay readable ("Zoë", not "Zo\u00EB").
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the package and returns how many records each exporter wrote.</summary>
    public async Task<IReadOnlyList<(string Exporter, int Records)>> WriteAsync(
        PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, Stream destination, AccessPackageFormat format, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new PrivacyException("The package destination stream cannot be written. Pass a writable stream, e.g. a file or an HTTP response body.");
        }

        return format switch
        {
            AccessPackageFormat.Json => await WriteJsonAsync(request, exporters, destination, generatedAt, cancellationToken).ConfigureAwait(false),
            AccessPackageFormat.Zip => await WriteZipAsync(request, exporters, destination, generatedAt, cancellationToken).ConfigureAwait(false),
            _ => throw new PrivacyException($"'{(int)format}' is not an AccessPackageFormat. Use Json or Zip."),
        };
    }

    private async Task<IReadOnlyList<(string, int)>> WriteJsonAsync(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, Stream destination, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var counts = new List<(string, int)>();
        await using var writer = new Utf8JsonWriter(destination, WriterOptions);
        writer.WriteStartObject();
        WritePackageHeader(writer, request, generatedAt);
        writer.WritePropertyName("information");
        WriteInformation(writer, exporters);
        writer.WriteStartObject("data");
        foreach (var exporter in exporters)
        {
            writer.WritePropertyName(exporter.Name);
            counts.Add((exporter.Name, await WriteRecordsAsync(writer, exporter, request, cancellationToken).ConfigureAwait(false)));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private async Task<IReadOnlyList<(string, int)>> WriteZipAsync(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, Stream destination, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var counts = new List<(string, int)>();
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        await WriteEntryAsync(zip, "information.json", async writer =>
        {
            writer.WriteStartObject();
            WritePackageHeader(writer, request, generatedAt);
            writer.WritePropertyName("information");
            WriteInformation(writer, exporters);
            writer.WriteEndObject();
            await Task.CompletedTask.ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var exporter in exporters)
        {
            var count = 0;
            await WriteEntryAsync(zip, "data/" + exporter.Name + ".json", async writer =>
            {
                count = await WriteRecordsAsync(writer, exporter, request, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            counts.Add((exporter.Name, count));
        }

        var readme = zip.CreateEntry("README.html", CompressionLevel.Optimal);
        await using (var stream = readme.Open())
        {
            var html = Encoding.UTF8.GetBytes(Readme(request, exporters, counts, generatedAt));
            await stream.WriteAsync(html, cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<Utf8JsonWriter, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        await write(writer).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one exporter's records as a JSON array. Every record with an owner has everything that is not the
    /// subject's redacted first (Art. 15(4)): another person's message down to the subject's own mention or reaction,
    /// and the third parties nested in the subject's own records (a mention of a colleague in the subject's message).
    /// </summary>
    private async Task<int> WriteRecordsAsync(Utf8JsonWriter writer, IPersonalDataExporter exporter, PrivacyRequest request, CancellationToken cancellationToken)
    {
        var subject = request.Subject;
        var keeping = redaction.ForDisclosure(request.Id).KeepingSubject(subject.SubjectId);
        var count = 0;
        writer.WriteStartArray();
        await foreach (var record in exporter.ExportAsync(subject, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (record is null)
            {
                continue;
            }

            var plan = PersonalDataPlan.For(record.GetType());
            if (plan.SubjectIdPath is not null)
            {
                plan.WriteJson(writer, record, keeping); // redacted on the way out: the exporter's object is not changed
            }
            else
            {
                plan.WriteJson(writer, record);
            }

            count++;
            if (writer.BytesPending > FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        return count;
    }

    private static void WritePackageHeader(Utf8JsonWriter writer, PrivacyRequest request, DateTimeOffset generatedAt)
    {
        writer.WriteString("package", "gosmart.privacy.access");
        writer.WriteNumber("version", 1);
        writer.WriteStartObject("request");
        writer.WriteString("id", request.Id);
        writer.WriteString("kind", request.Kind.ToString());
        writer.WriteString("receivedAt", request.ReceivedAt);
        writer.WriteString("generatedAt", generatedAt);
        writer.WriteEndObject();
        writer.WriteStartObject("subject");
        writer.WriteString("tenantId", request.Subject.TenantId);
        writer.WriteString("subjectId", request.Subject.SubjectId);
        writer.WriteString("kind", request.Subject.Kind.ToString());
        writer.WriteEndObject();
    }

    /// <summary>The Art. 15(1) information: from the options, the exporters' plans and the SDK's list of rights.</summary>
    private void WriteInformation(Utf8JsonWriter writer, IReadOnlyList<IPersonalDataExporter> exporters)
    {
        writer.WriteStartObject();
        writer.WriteString("controller", disclosure.Controller);
        writer.WriteString("dataProtectionOfficer", disclosure.DataProtectionOfficer);
        writer.WriteString("policyUrl", disclosure.PolicyUrl?.ToString());
        writer.WriteStartArray("purposes");
        foreach (var p in disclosure.Purposes)
        {
            writer.WriteStartObject();
            writer.WriteString("key", p.Key);
            writer.WriteString("description", p.Description);
            writer.WriteString("legalBasis", p.LegalBasis.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("categories");
        foreach (var (category, special) in Categories(exporters))
        {
            writer.WriteStartObject();
            writer.WriteString("key", category);
            writer.WriteBoolean("specialCategory", special);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "recipients", disclosure.Recipients);
        writer.WriteStartArray("retention");
        foreach (var r in disclosure.Retention)
        {
            writer.WriteStartObject();
            writer.WriteString("scope", r.Scope);
            writer.WriteString("period", r.Period);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "sources", disclosure.Sources);
        writer.WriteString("automatedDecisionMaking", disclosure.AutomatedDecisionMaking);
        writer.WriteStartArray("rights");
        foreach (var right in SubjectRights.All)
        {
            writer.WriteStartObject();
            writer.WriteString("article", right.Article);
            writer.WriteString("name", right.Name);
            writer.WriteString("description", right.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>The data categories the exporters' types hold, from their plans.</summary>
    private static IEnumerable<(string Category, bool Special)> Categories(IReadOnlyList<IPersonalDataExporter> exporters) =>
        exporters.SelectMany(e => e.Covers)
            .Distinct()
            .SelectMany(t => PersonalDataPlan.For(t).Members)
            .GroupBy(m => m.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Any(m => m.IsSensitive)));

    private string Readme(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, IReadOnlyList<(string Exporter, int Records)> counts, DateTimeOffset generatedAt)
    {
        static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your personal data</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}td,th{padding:.2rem .6rem;text-align:left}</style></head><body>\n")
            .Append("<h1>Your personal data</h1>\n")
            .Append("<p>This package answers your request ").Append(H(request.Id.ToString())).Append(" (").Append(H(request.Kind.ToString().ToLowerInvariant()))
            .Append("), received ").Append(H(request.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(" and prepared ").Append(H(generatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append(".</p>\n");
        if (disclosure.Controller is not null)
        {
            html.Append("<p>Controller: ").Append(H(disclosure.Controller)).Append("</p>\n");
        }

        html.Append("<h2>Your data</h2>\n<p>Each file in the <code>data</code> folder holds one area of your data as JSON.</p>\n<table><tr><th>File</th><th>Records</th></tr>\n");
        foreach (var (exporter, records) in counts)
        {
            html.Append("<tr><td>data/").Append(H(exporter)).Append(".json</td><td>").Append(records).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Why we process it</h2>\n<ul>\n");
        foreach (var p in disclosure.Purposes)
        {
            html.Append("<li>").Append(H(p.Description)).Append(" (legal basis: ").Append(H(p.LegalBasis.ToString())).Append(")</li>\n");
        }

        html.Append("</ul>\n<h2>What kinds of data</h2>\n<ul>\n");
        foreach (var (category, special) in Categories(exporters))
        {
            html.Append("<li>").Append(H(category)).Append(special ? " (special category)" : string.Empty).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>Who receives it</h2>\n<ul>\n");
        foreach (var r in disclosure.Recipients)
        {
            html.Append("<li>").Append(H(r)).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>How long we keep it</h2>\n<ul>\n");
        foreach (var r in disclosure.Retention)
        {
            html.Append("<li>").Append(H(r.Scope)).Append(": ").Append(H(r.Period)).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>Where it comes from</h2>\n<ul>\n");
        foreach (var s in disclosure.Sources)
        {
            html.Append("<li>").Append(H(s)).Append("</li>\n");
        }

        html.Append("</ul>\n<p>").Append(H(disclosure.AutomatedDecisionMaking)).Append("</p>\n<h2>Your rights</h2>\n<ul>\n");
        foreach (var right in SubjectRights.All)
        {
            html.Append("<li><strong>").Append(H(right.Name)).Append("</strong> (Art. ").Append(H(right.Article)).Append("): ").Append(H(right.Description)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (disclosure.PolicyUrl is not null)
        {
            html.Append("<p>Privacy policy: <a href=\"").Append(H(disclosure.PolicyUrl.ToString())).Append("\">").Append(H(disclosure.PolicyUrl.ToString())).Append("</a></p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }
}
