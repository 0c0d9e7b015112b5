using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoSmart.Privacy.AspNetCore;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>The privacy center's pages and forms over HTTP: what bad input gets, on the page and from the endpoint, and that nothing is half-written.</summary>
public sealed partial class PrivacyCenterTests
{
    [Fact]
    public async Task A_right_the_tenant_does_not_offer_gets_problem_details_from_the_endpoint_and_a_message_on_the_page()
    {
        await using var host = await EndpointTestHost.StartAsync(endpoints: o => o.OffersRight = (tenant, kind) => !(tenant == "acme" && kind == PrivacyRequestKind.Erasure));
        var client = host.Client("acme", "ada");

        var endpoint = await client.PostAsJsonAsync("/privacy/me/requests", new { kind = "erasure" });
        Assert.Equal(HttpStatusCode.Forbidden, endpoint.StatusCode);
        Assert.Equal("application/problem+json", endpoint.Content.Headers.ContentType?.MediaType);
        Assert.Contains("does not take Erasure requests", (await endpoint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await client.GetStringAsync("/privacy/center/erasure?lang=fr");
        Assert.Contains("Cette demande n&#x27;est pas possible ici. Écrivez à acme (the customer), privacy@acme.example.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("erasure-form", page, StringComparison.Ordinal);

        var form = await FormAsync(client, "/privacy/center/access?lang=fr"); // a token from any view of the center
        var posted = await PostAsync(client, "/privacy/center/erasure?lang=fr", form, [new("confirm", "yes")]);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("Cette demande n&#x27;est pas possible ici", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await Requests(host).ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync()); // nothing written

        var other = await PostAsync(host.Client("globex", "ada"), "/privacy/center/erasure", await FormAsync(host.Client("globex", "ada"), "/privacy/center/erasure"), [new("confirm", "yes")]);
        Assert.Equal(HttpStatusCode.SeeOther, other.StatusCode); // another tenant still offers it
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_in_the_visitors_language_and_nothing_is_written()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client("acme", "ada");

        var posted = await client.PostAsync("/privacy/center/access?lang=es", new FormUrlEncodedContent([new("reason", "curiosidad")]));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains("Este formulario estaba caducado. Envíalo de nuevo.", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Empty(await Requests(host).ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync());
    }

    [Fact]
    public async Task A_form_sends_a_request_and_redirects_to_the_history_which_shows_it_in_plain_words()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client("acme", "ada");

        var posted = await PostAsync(client, "/privacy/center/access?lang=de", await FormAsync(client, "/privacy/center/access?lang=de"), [new("reason", "Neugier")]);

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/privacy/center/requests?lang=de&done=submitted", posted.Headers.Location?.ToString());
        var request = await Requests(host).ListAsync(new PrivacyRequestQuery { TenantId = "acme", SubjectId = "ada" }).SingleAsync();
        Assert.Equal(("Neugier", PrivacyRequestKind.Access), (request.Reason, request.Kind));
        var history = await client.GetStringAsync("/privacy/center/requests?lang=de&done=submitted");
        Assert.Contains("Wir haben Ihre Anfrage erhalten.", history, StringComparison.Ordinal);
        Assert.Contains($"data-request=\"{request.Id}\"", history, StringComparison.Ordinal);
        Assert.Contains($"/privacy/me/requests/{request.Id}/package?format=html", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_refuses_a_correction_of_the_wrong_type_with_problem_details_before_anything_is_stored()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client("acme", "ada");

        var response = await client.PostAsJsonAsync("/privacy/me/requests", new { kind = "rectification", corrections = new[] { new { entityType = "EraseEveryType", memberPath = "Number", value = "forty-two" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("The correction of EraseEveryType.Number is 'forty-two', which does not fit it: write a whole number, e.g. 42 (invariant culture).", detail);
        Assert.Empty(await Requests(host).ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync());
        var cleared = await client.PostAsJsonAsync("/privacy/me/requests", new { kind = "rectification", corrections = new[] { new { entityType = "EraseEveryType", memberPath = "Number", value = (string?)null } } });
        Assert.Contains("always has a value", (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_is_read_as_a_page_that_runs_nothing_and_an_unknown_format_is_a_bad_request()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var ada = Guid.NewGuid();
        host.Data.AddContact("acme", ada, "Ada", "ada@example.com");
        var client = host.Client("acme", ada.ToString());
        var id = (await (await client.PostAsJsonAsync("/privacy/me/requests", new { kind = "access" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var bad = await client.GetAsync($"/privacy/me/requests/{id}/package?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format=html", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(PrivacyRequestStatus.InProgress, (await Requests(host).GetAsync(id))!.Status); // nothing handed over

        var page = await client.GetAsync($"/privacy/me/requests/{id}/package?format=html");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", page.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("ada@example.com", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_center_is_themed_by_custom_properties_and_a_theme_that_could_break_out_of_its_rule_stops_the_start()
    {
        await using (var host = await EndpointTestHost.StartAsync(center: o =>
        {
            o.Theme["--pc-accent"] = "#0b6e4f";
            o.LogoUrl = "/logo.svg";
            o.ControllerName = "Acme";
        }))
        {
            var client = host.Client("acme", "ada");
            var opened = await client.GetAsync("/privacy");
            Assert.Equal("/privacy/center/overview?lang=en", opened.Headers.Location?.ToString());
            var page = await client.GetStringAsync(opened.Headers.Location);
            Assert.Contains("<style>:root{--pc-accent:#0b6e4f;}</style>", page, StringComparison.Ordinal);
            Assert.Contains("<img src=\"/logo.svg\" alt=\"Acme\">", page, StringComparison.Ordinal);
            var css = await client.GetAsync("/privacy/center/assets/privacy-center.css");
            Assert.Contains("--pc-accent", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var again = new HttpRequestMessage(HttpMethod.Get, "/privacy/center/assets/privacy-center.css");
            again.Headers.IfNoneMatch.Add(css.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/privacy/center/nowhere")).StatusCode);
        }

        var error = await Assert.ThrowsAsync<PrivacyException>(() => EndpointTestHost.StartAsync(center: o => o.Theme["--pc-accent"] = "red;}body{display:none"));
        Assert.Contains("PrivacyCenterOptions.Theme['--pc-accent']", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<PrivacyException>(() => EndpointTestHost.StartAsync(center: o => o.LogoUrl = "javascript:alert(1)"));
        Assert.Contains("PrivacyCenterOptions.LogoUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_without_an_account_sees_only_what_needs_none_and_the_account_views_say_to_sign_in()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var browser = host.Browser();

        var overview = await browser.GetStringAsync("/privacy/center/overview?lang=en");
        Assert.Contains("Ask without an account", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("/privacy/center/erasure", overview, StringComparison.Ordinal);
        var erasure = await browser.GetAsync("/privacy/center/erasure?lang=en");
        Assert.Equal(HttpStatusCode.Unauthorized, erasure.StatusCode);
        Assert.Contains("Sign in to use this right", await erasure.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ask = await browser.GetStringAsync("/privacy/center/ask?lang=en");
        Assert.Contains("action=\"/privacy/public/requests?lang=en\"", ask, StringComparison.Ordinal);
    }

    private static IPrivacyRequestService Requests(EndpointTestHost host) => (IPrivacyRequestService)host.Services.GetService(typeof(IPrivacyRequestService))!;

    /// <summary>A view's antiforgery token and cookie, as a browser would hold them.</summary>
    private static async Task<(string Token, string Cookie)> FormAsync(HttpClient client, string view)
    {
        var response = await client.GetAsync(view);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (token, cookie);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string view, (string Token, string Cookie) form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, view) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Token), .. fields]) };
        request.Headers.Add("Cookie", form.Cookie);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
