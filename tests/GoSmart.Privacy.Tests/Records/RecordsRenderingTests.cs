using GoSmart.Privacy.Records;

namespace GoSmart.Privacy.Tests.Records;

/// <summary>The records as JSON (round trip, schema checks), Markdown, HTML, a fideslang dataset and a notice; notice changes caught.</summary>
public class RecordsRenderingTests
{
    [Fact]
    public void The_json_reads_back_to_the_same_records_and_a_newer_schema_or_malformed_text_is_refused()
    {
        var records = RecordsTestSetup.Build();
        var json = RecordsJson.Write(records);

        Assert.Equal(json, RecordsJson.Write(RecordsJson.Read(json)));
        Assert.Contains("\"legalBasis\": \"contract\"", json, StringComparison.Ordinal);
        Assert.Contains("\"measure\": \"pseudonymised\"", json, StringComparison.Ordinal);
        var newer = Assert.Throws<PrivacyException>(() => RecordsJson.Read(json.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 9", StringComparison.Ordinal)));
        Assert.Contains("schema version 9", newer.Message, StringComparison.Ordinal);
        Assert.Contains("records --format json", Assert.Throws<PrivacyException>(() => RecordsJson.Read("{\"service\": ")).Message, StringComparison.Ordinal);
        Assert.Contains("JSON null", Assert.Throws<PrivacyException>(() => RecordsJson.Read("null")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_markdown_escape_what_a_host_wrote_and_show_every_section()
    {
        var records = RecordsTestSetup.Build(o => o.Disclosure.Purposes.Add(new("support", "Help <script>alert(1)</script> | desk", LegalBasis.Contract) { Categories = [DataCategories.ContentPrivate] }));

        var html = RecordsDocument.ToHtml(records);
        var markdown = RecordsDocument.ToMarkdown(records);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Help &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal); // self-contained
        Assert.Contains("Help \\<script\\>alert(1)\\</script\\> \\| desk", markdown, StringComparison.Ordinal);
        foreach (var heading in new[] { "Processing activities", "Technical security measures", "Data map", "Gaps" })
        {
            Assert.Contains(heading, markdown, StringComparison.Ordinal);
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_fideslang_dataset_has_a_collection_per_entity_and_nested_fields_for_nested_members()
    {
        var yaml = FideslangDataset.ToYaml(RecordsTestSetup.Build());

        Assert.StartsWith("dataset:\n  - fides_key: \"crm\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - name: \"GoSmart.Privacy.Tests.Models.Contact\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          - name: \"Email\"\n            data_categories: [\"user.contact.email\"]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("          - name: \"Phones\"\n            fields:\n              - name: \"Number\"\n                data_categories: [\"user.contact.phone_number\"]\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("[]", yaml.Replace("data_categories: []", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_material_change_to_a_purpose_without_a_new_notice_version_is_named_and_a_bump_clears_it()
    {
        var before = RecordsTestSetup.Build();
        var same = RecordsTestSetup.Build();
        var changed = RecordsTestSetup.Build(o => o.Consent.Purposes[0].ThirdParties.Add("Analytics Co"));
        var bumped = RecordsTestSetup.Build(o =>
        {
            o.Consent.Purposes[0].ThirdParties.Add("Analytics Co");
            o.Consent.Purposes[0].Notices.Add(new NoticeVersion(1, IsMaterial: true));
            o.Consent.Purposes[0].Notices.Add(new NoticeVersion(2, IsMaterial: true));
        });

        Assert.Empty(NoticeChanges.Unversioned(before, same));
        var change = Assert.Single(NoticeChanges.Unversioned(before, changed));
        Assert.Equal(("marketing.communications.email", 1), (change.Purpose, change.Version));
        Assert.Contains("NoticeVersion(2, IsMaterial: true)", change.Message, StringComparison.Ordinal);
        Assert.Empty(NoticeChanges.Unversioned(before, bumped));
        Assert.Equal(2, bumped.Controllers[0].Activities.Single(a => a.Purpose == change.Purpose).NoticeVersion);
    }

    [Fact]
    public void The_notice_shows_each_purpose_with_what_is_collected_why_who_receives_it_and_for_how_long()
    {
        var notice = PrivacyNotice.From(RecordsTestSetup.Build(), tenantId: null);
        var html = notice.ToHtml();

        Assert.Equal(["service.operate", "marketing.communications.email"], notice.Sections.Select(s => s.Purpose));
        var marketing = notice.Sections[1];
        Assert.Equal("Consent (Art. 6(1)(a))", marketing.LegalBasis);
        Assert.Equal(["Contact email"], marketing.Data);
        Assert.Contains("United States", Assert.Single(marketing.Transfers), StringComparison.Ordinal);
        Assert.Contains("Special categories, protected more strictly: Health", html, StringComparison.Ordinal);
        Assert.Contains("How long we keep it: 6 years after the invoice (tax law)", html, StringComparison.Ordinal);
        Assert.Contains("Right of access", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal); // a fragment for the host's page
    }
}
