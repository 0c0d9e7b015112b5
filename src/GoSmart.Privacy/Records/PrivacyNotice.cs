using System.Globalization;
using GoSmart.Privacy.Export;

namespace GoSmart.Privacy.Records;

/// <summary>
/// The "what we collect and why" sections of a privacy notice (Art. 13/14), built from the same records as Art. 30, so
/// the notice shown to people matches what the code does. The privacy center shows it; the consent ledger's notice
/// version of each purpose is in its section.
/// </summary>
public sealed record PrivacyNotice
{
    /// <summary>Gets the tenant the notice is for, or <see langword="null"/> for the host's own.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the controller.</summary>
    public required string Controller { get; init; }

    /// <summary>Gets the processor acting for the controller, if any.</summary>
    public string? Processor { get; init; }

    /// <summary>Gets how to reach the data protection officer.</summary>
    public string? DataProtectionOfficer { get; init; }

    /// <summary>Gets where the full policy is published.</summary>
    public Uri? PolicyUrl { get; init; }

    /// <summary>Gets one section per purpose.</summary>
    public required IReadOnlyList<NoticeSection> Sections { get; init; }

    /// <summary>Gets the transfers to third countries and their safeguards.</summary>
    public required IReadOnlyList<DisclosedTransfer> Transfers { get; init; }

    /// <summary>Gets the retention periods declared in words.</summary>
    public required IReadOnlyList<DisclosedRetention> Retention { get; init; }

    /// <summary>Gets where data not collected from the subject comes from (Art. 14(2)(f)).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Gets the statement about automated decision-making.</summary>
    public required string AutomatedDecisionMaking { get; init; }

    /// <summary>Gets a fingerprint of the whole notice: it changes when any section changes.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Builds the notice of <paramref name="tenantId"/> from the records.</summary>
    /// <param name="records">The records.</param>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for the host's own notice.</param>
    /// <returns>The notice.</returns>
    /// <exception cref="PrivacyException">The records hold nothing for the tenant.</exception>
    public static PrivacyNotice From(RecordsOfProcessing records, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(records);
        var controller = records.Controllers.FirstOrDefault(c => c.TenantId == tenantId)
            ?? throw new PrivacyException($"The records hold no processing for tenant '{tenantId}'. Add PrivacyOptions.TenantDisclosures[\"{tenantId}\"], or ask for the host's own notice (no tenant). Tenants: {string.Join(", ", records.Controllers.Select(c => c.TenantId).OfType<string>())}.");
        var sections = controller.Activities.Select(a => new NoticeSection(
            a.Purpose,
            a.Description,
            RecordsWords.LegalBasis(a.LegalBasis),
            [.. a.DataCategories.Select(RecordsWords.Category).Distinct(StringComparer.Ordinal)],
            [.. a.SpecialCategories.Select(RecordsWords.Special)],
            a.Recipients,
            [.. a.Transfers.Select(RecordsWords.Transfer)],
            [.. a.Retention.Select(r => r.Period)],
            a.NoticeVersion,
            a.NoticeFingerprint)).ToList();
        return new PrivacyNotice
        {
            TenantId = tenantId,
            Controller = controller.Controller,
            Processor = controller.Processor,
            DataProtectionOfficer = controller.DataProtectionOfficer,
            PolicyUrl = controller.PolicyUrl,
            Sections = sections,
            Transfers = controller.Transfers,
            Retention = controller.Retention,
            Sources = controller.Sources,
            AutomatedDecisionMaking = controller.AutomatedDecisionMaking,
            Fingerprint = RecordsBuilder.Hash(string.Join('\n', sections.Select(s => s.Fingerprint))),
        };
    }

    /// <summary>Renders the notice as Markdown.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => Document().ToMarkdown();

    /// <summary>Renders the notice as an HTML fragment (no page around it) for a host's page or the privacy center.</summary>
    /// <returns>The HTML fragment.</returns>
    public string ToHtml() => Document().ToHtml(title: null);

    private TextDocument Document()
    {
        var doc = new TextDocument().Heading(2, "What we collect and why")
            .Paragraph(Processor is null ? $"{Controller} is responsible for your personal data (the controller)." : $"{Controller} is responsible for your personal data (the controller); {Processor} processes it on their behalf.");
        foreach (var s in Sections)
        {
            doc.Heading(3, s.Title).List(new[]
            {
                $"What we collect: {(s.Data.Count == 0 ? "(not declared)" : string.Join(", ", s.Data))}",
                s.SpecialCategories.Count == 0 ? null : $"Special categories, protected more strictly: {string.Join(", ", s.SpecialCategories)}",
                $"Why we may: {s.LegalBasis}",
                s.Recipients.Count == 0 ? null : $"Who receives it: {string.Join("; ", s.Recipients)}",
                s.Transfers.Count == 0 ? null : $"Transferred to: {string.Join("; ", s.Transfers)}",
                s.KeptFor.Count == 0 ? null : $"How long we keep it: {string.Join("; ", s.KeptFor)}",
                $"Notice version {s.Version.ToString(CultureInfo.InvariantCulture)}",
            }.OfType<string>());
        }

        if (Retention.Count > 0)
        {
            doc.Heading(3, "How long we keep it").List(Retention.Select(r => $"{r.Scope}: {r.Period}"));
        }

        if (Sources.Count > 0)
        {
            doc.Heading(3, "Where it comes from").List(Sources);
        }

        doc.Paragraph(AutomatedDecisionMaking).Heading(3, "Your rights")
            .List(SubjectRights.All.Select(r => $"Right {char.ToLowerInvariant(r.Name[0])}{r.Name[1..]} (Art. {r.Article}): {r.Description}"));
        var contact = new[]
        {
            DataProtectionOfficer is null ? null : $"Data protection officer: {DataProtectionOfficer}",
            PolicyUrl is null ? null : $"The full privacy policy: {PolicyUrl}",
        }.OfType<string>().ToList();
        return contact.Count == 0 ? doc : doc.List(contact);
    }
}
