using System.Globalization;

namespace GoSmart.Privacy.Records;

/// <summary>The records of processing as a document a privacy team reads: Markdown for a repository, self-contained HTML for everyone else.</summary>
public static class RecordsDocument
{
    /// <summary>Renders the records as Markdown.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(RecordsOfProcessing records) => Document(records).ToMarkdown();

    /// <summary>Renders the records as one self-contained HTML page (no scripts, no external resources).</summary>
    /// <param name="records">The records.</param>
    /// <returns>The HTML page.</returns>
    public static string ToHtml(RecordsOfProcessing records) => Document(records).ToHtml($"Records of processing — {records.Service}");

    private static TextDocument Document(RecordsOfProcessing records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var doc = new TextDocument()
            .Heading(1, $"Records of processing activities — {records.Service}")
            .Paragraph($"GDPR Art. 30, built from the service's code and configuration by GoSmart.Privacy (schema {records.SchemaVersion.ToString(CultureInfo.InvariantCulture)}). Every entry below is what the code does, not what a spreadsheet says.");
        if (records.Gaps.Count > 0)
        {
            doc.Heading(2, $"Gaps ({records.Gaps.Count.ToString(CultureInfo.InvariantCulture)})").List(records.Gaps.Select(g => $"{g.Kind}: {g.Message}"));
        }

        foreach (var controller in records.Controllers)
        {
            doc.Heading(2, controller.TenantId is null ? $"Controller: {controller.Controller}" : $"Processing for tenant {controller.TenantId} — controller: {controller.Controller}");
            doc.List(new[]
            {
                controller.Processor is null ? null : $"Processor: {controller.Processor}",
                controller.DataProtectionOfficer is null ? null : $"Data protection officer: {controller.DataProtectionOfficer}",
                controller.PolicyUrl is null ? null : $"Privacy policy: {controller.PolicyUrl}",
            }.OfType<string>());
            doc.Heading(3, "Processing activities").Table(
                ["Purpose", "Legal basis", "Subjects", "Data", "Recipients", "Transfers", "Retention", "Entities", "Notice"],
                controller.Activities.Select(a => new[]
                {
                    $"{a.Description} ({a.Purpose})",
                    RecordsWords.LegalBasis(a.LegalBasis),
                    string.Join(", ", a.SubjectKinds.Select(RecordsWords.Subjects)),
                    string.Join(", ", a.DataCategories.Select(RecordsWords.Category)) + (a.SpecialCategories.Count == 0 ? string.Empty : "; special: " + string.Join(", ", a.SpecialCategories.Select(RecordsWords.Special))),
                    string.Join("; ", a.Recipients),
                    string.Join("; ", a.Transfers.Select(RecordsWords.Transfer)),
                    string.Join("; ", a.Retention.Select(r => $"{r.Scope}: {r.Period}")),
                    string.Join(", ", a.Entities.Select(Short)),
                    $"v{a.NoticeVersion.ToString(CultureInfo.InvariantCulture)}",
                }));
            Section(doc, "Transfers to third countries", controller.Transfers.Select(RecordsWords.Transfer));
            Section(doc, "Retention", controller.Retention.Select(r => $"{r.Scope}: {r.Period}"));
            Section(doc, "Organisational security measures", controller.OrganisationalMeasures);
            Section(doc, "Sources", controller.Sources);
        }

        doc.Heading(2, "Technical security measures").List(records.TechnicalMeasures);
        doc.Heading(2, "Data map");
        foreach (var entity in records.Entities)
        {
            doc.Heading(3, entity.Type).Paragraph($"Service {entity.Service}; {RecordsWords.Coverage(entity)}.")
                .Table(
                    ["Member", "Category", "Special category", "On erasure"],
                    entity.Members.Select(m => new[] { m.Path, m.Category, m.SpecialCategory is { } s ? RecordsWords.Special(s) : string.Empty, RecordsWords.Measure(m) }));
        }

        return doc;
    }

    private static void Section(TextDocument doc, string heading, IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count > 0)
        {
            doc.Heading(3, heading).List(all);
        }
    }

    private static string Short(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];
}
