using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>A visitor who is not signed in sees their cookie and Global Privacy Control choices and changes them; the choices stay with their device subject.</summary>
public class VisitorChoicesTests
{
    [Fact]
    public async Task A_visitor_sees_their_choices_changes_one_and_their_gpc_signal_is_shown_and_honoured()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client(null, null);

        var first = await client.GetAsync("/privacy/visitor/consents");
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(VisitorSubjects.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var granted = await client.PutAsJsonAsync("/privacy/visitor/consents/marketing.communications.email", new { granted = true });
        client.DefaultRequestHeaders.Add("Sec-GPC", "1");
        var after = await client.GetFromJsonAsync<JsonElement>("/privacy/visitor/consents");

        bool Allowed(JsonElement view, string purpose) => view.GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == purpose).GetProperty("allowed").GetBoolean();
        var before = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(Allowed(before, "marketing.communications.email"));
        Assert.False(before.GetProperty("globalPrivacyControl").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.True(Allowed(after, "marketing.communications.email"));
        Assert.True(after.GetProperty("globalPrivacyControl").GetBoolean());
        Assert.False(Allowed(after, "marketing.targeted")); // the signal objected to targeted advertising
        var visitor = new SubjectRef("site", VisitorSubjects.SubjectPrefix + cookie.Split('=')[1], DataSubjectKind.WebsiteVisitor);
        Assert.True(await host.Services.GetRequiredService<IConsentService>().HasConsentAsync(visitor, "marketing.communications.email")); // kept with the device subject
    }

    [Fact]
    public async Task An_unknown_purpose_from_a_visitor_is_refused_naming_the_purposes()
    {
        await using var host = await EndpointTestHost.StartAsync();

        var refused = await host.Client(null, null).PutAsJsonAsync("/privacy/visitor/consents/made.up", new { granted = true });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("marketing.communications.email", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
