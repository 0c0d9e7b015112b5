using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Export;

/// <summary>
/// Streams an access or portability package: records are written one by one through their plans and the writer
/// is flushed as it fills, so memory stays flat however many records there are.
/// </summary>
internal sealed class AccessPackageWriter(RedactionContext redaction, PrivacyDisclosure disclosure, string? processor, IReadOnlyList<DisclosedRetention> retention)
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
            AccessPackageFormat.Html => await WriteHtmlAsync(request, exporters, destination, generatedAt, cancellationToken).ConfigureAwait(false),
            _ => throw new PrivacyException($"'{(int)format}' is not an AccessPackageFormat. Use Json, Zip or Html."),
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

        await using var readable = new Spool();
        var counts = await RenderAsync(request, exporters, readable, zip, cancellationToken).ConfigureAwait(false);
        var readme = zip.CreateEntry("README.html", CompressionLevel.Optimal);
        await using (var stream = readme.Open())
        {
            await WriteReadableAsync(stream, request, exporters, counts, generatedAt, readable, cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>The page a person opens and reads in a browser: the same README.html the zip holds, on its own.</summary>
    private async Task<IReadOnlyList<(string, int)>> WriteHtmlAsync(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, Stream destination, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        await using var readable = new Spool();
        var counts = await RenderAsync(request, exporters, readable, zip: null, cancellationToken).ConfigureAwait(false);
        await WriteReadableAsync(destination, request, exporters, counts, generatedAt, readable, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    /// <summary>
    /// Renders every exporter's records for a person into <paramref name="readable"/> and, into a zip, as
    /// <c>data/{exporter}.json</c> and — for an area whose records fit one row — <c>data/{exporter}.csv</c>. Everything
    /// is spooled to temporary files as the records stream past, so memory stays flat however large the package.
    /// </summary>
    private async Task<IReadOnlyList<(string, int)>> RenderAsync(PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, Spool readable, ZipArchive? zip, CancellationToken cancellationToken)
    {
        var counts = new List<(string, int)>();
        var record = new StringBuilder();
        var html = new RecordHtml();
        foreach (var exporter in exporters)
        {
            var count = 0;
            var csvLayout = zip is null ? null : RecordCsv.For(exporter);
            await using var csv = csvLayout is null ? null : new Spool();
            if (csv is not null)
            {
                csvLayout!.AppendHeader(record);
                await csv.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }

            readable.Append("<section><h3>").Append(WebUtility.HtmlEncode(RecordHtml.Words(exporter.Name))).Append("</h3>\n");
            async Task WriteAsync(Utf8JsonWriter writer) => count = await WriteRecordsAsync(writer, exporter, request, cancellationToken, async json =>
            {
                record.Append("<article>");
                html.Append(record, json);
                record.Append("</article>\n");
                await readable.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                if (csv is not null)
                {
                    csvLayout!.AppendRow(record, json);
                    await csv.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            if (zip is not null)
            {
                await WriteEntryAsync(zip, "data/" + exporter.Name + ".json", WriteAsync, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var discarded = new Utf8JsonWriter(Stream.Null, WriterOptions); // only the rendering is kept
                await WriteAsync(discarded).ConfigureAwait(false);
            }

            readable.Append(count == 0 ? "<p class=\"none\">Nothing here.</p>" : string.Empty).Append("</section>\n");
            counts.Add((exporter.Name, count));
            if (csv is not null)
            {
                await csv.CopyToAsync(zip!, "data/" + exporter.Name + ".csv", cancellationToken).ConfigureAwait(false);
            }
        }

        return counts;
    }

    private async Task WriteReadableAsync(Stream stream, PrivacyRequest request, IReadOnlyList<IPersonalDataExporter> exporters, IReadOnlyList<(string, int)> counts, DateTimeOffset generatedAt, Spool readable, CancellationToken cancellationToken)
    {
        var (head, tail) = AccessPackageReadme.Around(request, exporters, counts, generatedAt, disclosure, processor, retention);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await readable.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(tail), cancellationToken).ConfigureAwait(false);
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
    private async Task<int> WriteRecordsAsync(Utf8JsonWriter writer, IPersonalDataExporter exporter, PrivacyRequest request, CancellationToken cancellationToken, Func<ReadOnlyMemory<byte>, Task>? rendered = null)
    {
        var buffer = rendered is null ? null : new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var recordWriter = buffer is null ? null : new Utf8JsonWriter(buffer, WriterOptions);
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

            var plan = PersonalDataPlans.For(record.GetType());
            var target = recordWriter ?? writer;
            if (recordWriter is not null)
            {
                buffer!.ResetWrittenCount();
                recordWriter.Reset(buffer);
            }

            if (plan.SubjectIdPath is not null)
            {
                plan.WriteJson(target, record, keeping); // redacted on the way out: the exporter's object is not changed
            }
            else
            {
                plan.WriteJson(target, record);
            }

            if (recordWriter is not null)
            {
                recordWriter.Flush();
                writer.WriteRawValue(buffer!.WrittenSpan, skipInputValidation: true);
                await rendered!(buffer.WrittenMemory).ConfigureAwait(false);
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
        writer.WriteString("processor", processor);
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
        foreach (var r in retention)
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
    internal static IEnumerable<(string Category, bool Special)> Categories(IReadOnlyList<IPersonalDataExporter> exporters) =>
        exporters.SelectMany(e => e.Covers)
            .Distinct()
            .SelectMany(t => PersonalDataPlans.For(t).Members)
            .GroupBy(m => m.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Any(m => m.IsSensitive)));
}
