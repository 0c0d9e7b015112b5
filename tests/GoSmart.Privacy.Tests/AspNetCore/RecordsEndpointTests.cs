using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>The right to be informed and the erasure preview, from the records of processing: open to everyone for the notice, the subject's own for the preview.</summary>
public class RecordsEndpointTests
{
    [Fact]
    public async Task Anyone_reads_the_notice_of_the_controller_and_a_tenants_subject_reads_the_tenants()
    {
        await using var host = await EndpointTestHost.StartAsync(privacy: o => o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example");

        var visitor = await host.Client(null, null).GetFromJsonAsync<JsonElement>("/privacy/notice");
        var subscriber = await host.Client("acme", "ada").GetFromJsonAsync<JsonElement>("/privacy/notice");
        var html = await host.Browser().GetStringAsync("/privacy/notice?format=html");

        Assert.Equal("Go Smart Ltd, privacy@gosmart.example", visitor.GetProperty("controller").GetString());
        Assert.Contains(visitor.GetProperty("sections").EnumerateArray(), s => s.GetProperty("purpose").GetString() == "marketing.communications.email");
        Assert.Equal("acme (the customer), privacy@acme.example", subscriber.GetProperty("controller").GetString());
        Assert.StartsWith("<h2>What we collect and why</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_sees_what_an_erasure_will_erase_change_and_keep_before_asking_for_it()
    {
        await using var host = await EndpointTestHost.StartAsync();

        var preview = await host.Client("acme", "ada").GetFromJsonAsync<JsonElement>("/privacy/me/erasure-preview");
        var anonymous = await host.Client(null, null).GetAsync("/privacy/me/erasure-preview");

        var contact = preview.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("type").GetString() == typeof(Models.Contact).FullName);
        Assert.Contains("First name", contact.GetProperty("erased").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Email", contact.GetProperty("changed").EnumerateArray().Select(e => e.GetString())); // pseudonymised
        Assert.Contains(contact.GetProperty("kept").EnumerateArray(), k => k.GetProperty("data").GetString() == "Company" && k.GetProperty("exemption").GetString() == "legalClaims");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public void The_preview_names_what_another_service_erases_and_what_nothing_reaches_yet()
    {
        var records = Records.RecordsTestSetup.Build(o => o.Coverage.OutOfScope.Add(new OutOfScopeType(typeof(Models.Deal).FullName!, "The billing service erases deals.")));
        var uncovered = GoSmart.Privacy.Records.ErasurePreview.From(Records.RecordsTestSetup.Build());

        var preview = GoSmart.Privacy.Records.ErasurePreview.From(records);

        Assert.Equal(("Deal", "The billing service erases deals."), (preview.Elsewhere.Single().Area, preview.Elsewhere.Single().Reason));
        Assert.Equal(["Deal"], uncovered.NotReached);
        Assert.Contains(preview.Areas, a => a.Area == "Vault member" && a.Erased.Contains("Email"));
    }
}
