using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.AspNetCore;

public class PrivacyEndpointTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    [Fact]
    public async Task A_subject_submits_an_access_request_follows_it_and_downloads_its_own_data()
    {
        await using var host = await EndpointTestHost.StartAsync();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        var ada = host.Client("acme", Ada.ToString());

        var submitted = await ada.PostAsJsonAsync("/privacy/me/requests", new { kind = "access" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var request = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal("inProgress", request.GetProperty("status").GetString());
        Assert.True(request.GetProperty("packageReady").GetBoolean());

        var package = await ada.GetAsync($"/privacy/me/requests/{id}/package");
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        Assert.Equal("application/json", package.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await package.Content.ReadAsByteArrayAsync());
        Assert.Equal("Ada", doc.RootElement.GetProperty("data").GetProperty("crm.contacts")[0].GetProperty("firstName").GetString());

        var mine = await ada.GetFromJsonAsync<JsonElement>("/privacy/me/requests");
        Assert.Equal(id, mine[0].GetProperty("id").GetGuid());
        Assert.Equal("completed", (await ada.GetFromJsonAsync<JsonElement>($"/privacy/me/requests/{id}")).GetProperty("status").GetString());

        var zip = await ada.GetAsync($"/privacy/me/requests/{id}/package?format=zip");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.FullName == "README.html");

        host.Time.Advance(TimeSpan.FromDays(8)); // past the download window
        Assert.Equal(HttpStatusCode.Forbidden, (await ada.GetAsync($"/privacy/me/requests/{id}/package")).StatusCode);
    }

    [Property(MaxTest = 25)]
    public async Task<bool> A_subject_can_never_read_download_or_change_another_subjects_data_or_requests(byte a, byte b)
    {
        var subjects = new[] { ("acme", "ada"), ("acme", "grace"), ("globex", "ada"), ("globex", "charles") };
        var (tenantA, subjectA) = subjects[a % subjects.Length];
        var (tenantB, subjectB) = subjects[(a + 1 + (b % (subjects.Length - 1))) % subjects.Length]; // always another subject
        await using var host = await EndpointTestHost.StartAsync();
        var clientA = host.Client(tenantA, subjectA);
        var clientB = host.Client(tenantB, subjectB);
        await clientA.PutAsJsonAsync("/privacy/me/consents/marketing.communications.email", new { granted = true });
        var id = (await (await clientA.PostAsJsonAsync("/privacy/me/requests", new { kind = "access" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var read = await clientB.GetAsync($"/privacy/me/requests/{id}");
        var download = await clientB.GetAsync($"/privacy/me/requests/{id}/package");
        var list = await clientB.GetFromJsonAsync<JsonElement>("/privacy/me/requests");
        await clientB.PutAsJsonAsync("/privacy/me/consents/marketing.communications.email", new { granted = false });
        var consent = host.Services.GetRequiredService<IConsentService>();

        return read.StatusCode == HttpStatusCode.Forbidden
            && download.StatusCode == HttpStatusCode.Forbidden
            && read.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && list.EnumerateArray().All(r => r.GetProperty("id").GetGuid() != id)
            && consent.HasConsent(new SubjectRef(tenantA, subjectA), "marketing.communications.email");
    }

    [Fact]
    public async Task Every_error_is_problem_details_and_bad_or_oversized_bodies_get_400_and_413()
    {
        await using var host = await EndpointTestHost.StartAsync(o => o.MaxRequestBodyBytes = 1024);
        var ada = host.Client("acme", "ada");

        var badJson = await ada.PostAsync("/privacy/me/requests", new StringContent("{ kind: ", Encoding.UTF8, "application/json"));
        var unknownKind = await ada.PostAsJsonAsync("/privacy/me/requests", new { kind = "teleport" });
        var oversized = await ada.PostAsync("/privacy/me/requests", new StringContent("{\"kind\":\"access\",\"reason\":\"" + new string('x', 5000) + "\"}", Encoding.UTF8, "application/json"));
        var invalid = await ada.PostAsJsonAsync("/privacy/me/requests", new { kind = "objection" }); // no purpose
        var missing = await ada.GetAsync($"/privacy/me/requests/{Guid.NewGuid()}");
        var notAdmin = await ada.GetAsync("/privacy/tenants/acme/requests");
        var unknownPurpose = await ada.PutAsJsonAsync("/privacy/me/consents/nope", new { granted = true });

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPurpose.StatusCode);
        var details = new Dictionary<HttpResponseMessage, string>();
        foreach (var response in new[] { badJson, unknownKind, oversized, invalid, missing, notAdmin, unknownPurpose })
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
            details[response] = problem.GetProperty("detail").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(details[response]));
        }

        Assert.Contains("purpose", details[invalid], StringComparison.Ordinal);
        var anonymous = await host.Client(null, null).GetAsync("/privacy/me/requests");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await host.Services.GetRequiredService<IPrivacyRequestService>().ListAsync(new PrivacyRequestQuery()).CountAsync());
    }

    [Fact]
    public async Task A_tenant_administrator_acts_for_the_tenants_subscribers_only()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var admin = host.Client("acme", "admin-1", "privacy-admin");

        var opened = await admin.PostAsJsonAsync("/privacy/tenants/acme/requests", new { subjectId = "subscriber-7", kind = "erasure" });
        var otherTenant = await admin.PostAsJsonAsync("/privacy/tenants/globex/requests", new { subjectId = "subscriber-7", kind = "erasure" });
        var listed = await admin.GetFromJsonAsync<JsonElement>("/privacy/tenants/acme/requests");

        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(1, listed.GetArrayLength());
        var request = (await host.Services.GetRequiredService<IPrivacyRequestService>().ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).SingleAsync());
        Assert.Equal(DataSubjectKind.Subscriber, request.Subject.Kind);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client("acme", "subscriber-7").GetAsync("/privacy/tenants/acme/requests")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_administrator_places_lists_and_releases_the_tenants_legal_holds_only()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var admin = host.Client("acme", "admin-1", "privacy-admin");
        var holds = host.Services.GetRequiredService<ILegalHolds>();
        var global = await holds.PlaceAsync(new(LegalHoldScope.Category, DataCategories.Payment, "tax audit", "dpo"));

        var placed = await admin.PostAsJsonAsync("/privacy/tenants/acme/holds", new { scope = "subject", target = "subscriber-7", reason = "litigation", reference = "CASE-9" });
        var otherTenant = await admin.PostAsJsonAsync("/privacy/tenants/globex/holds", new { scope = "subject", target = "subscriber-7", reason = "litigation" });
        var wrongTenant = await admin.PostAsJsonAsync("/privacy/tenants/acme/holds", new { scope = "tenant", target = "globex", reason = "litigation" });
        var noReason = await admin.PostAsJsonAsync("/privacy/tenants/acme/holds", new { scope = "handler", target = "crm.contacts", reason = "" });
        var hold = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var listed = await admin.GetFromJsonAsync<JsonElement>("/privacy/tenants/acme/holds");
        var releaseGlobal = await admin.PostAsync($"/privacy/tenants/acme/holds/{global.Id}/release", null);
        var released = await admin.PostAsync($"/privacy/tenants/acme/holds/{hold}/release", null);
        var again = await admin.PostAsync($"/privacy/tenants/acme/holds/{hold}/release", null);
        var subscriber = await host.Client("acme", "subscriber-7").GetAsync("/privacy/tenants/acme/holds");

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongTenant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(2, listed.GetArrayLength()); // its own and the one for every tenant
        Assert.Equal(HttpStatusCode.NotFound, releaseGlobal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, subscriber.StatusCode);
        var stored = await holds.GetAsync(hold);
        Assert.Equal(("acme/admin-1", "acme", "CASE-9", false), (stored!.PlacedBy, stored.TenantId, stored.Reference, stored.IsActive));
        Assert.Equal("acme/admin-1", stored.ReleasedBy);
        Assert.True((await holds.GetAsync(global.Id))!.IsActive);
    }

    [Fact]
    public async Task Consents_are_read_and_changed_and_the_history_is_kept()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var ada = host.Client("acme", "ada");

        await ada.PutAsJsonAsync("/privacy/me/consents/marketing.communications.email", new { granted = true });
        var after = await ada.GetFromJsonAsync<JsonElement>("/privacy/me/consents");
        await ada.PutAsJsonAsync("/privacy/me/consents/marketing.communications.email", new { granted = false });
        var history = await ada.GetFromJsonAsync<JsonElement>("/privacy/me/consents/history");

        Assert.True(after.EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == "marketing.communications.email").GetProperty("allowed").GetBoolean());
        Assert.Equal(["granted", "withdrawn"], history.EnumerateArray().Select(e => e.GetProperty("decision").GetString()));
        Assert.False(host.Services.GetRequiredService<IConsentService>().HasConsent(new SubjectRef("acme", "ada"), "marketing.communications.email"));
    }

    [Fact]
    public async Task A_global_privacy_control_header_records_one_objection()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var ada = host.Client("acme", "ada");
        await ada.PutAsJsonAsync("/privacy/me/consents/marketing.targeted", new { granted = true });
        ada.DefaultRequestHeaders.Add("Sec-GPC", "1");

        await ada.GetAsync("/privacy/me/consents");
        await ada.GetAsync("/privacy/me/consents");

        var consent = host.Services.GetRequiredService<IConsentService>();
        var history = await consent.HistoryAsync(new SubjectRef("acme", "ada")).ToListAsync();
        Assert.Equal([ConsentDecision.Granted, ConsentDecision.Objected], history.Select(e => e.Decision));
        Assert.Equal(ConsentMethod.GlobalPrivacyControl, history[^1].Method);
    }

    [Fact]
    public async Task A_visitors_global_privacy_control_is_recorded_honoured_on_the_same_request_and_carried_over_at_sign_in()
    {
        await using var host = await EndpointTestHost.StartAsync(privacy: o => o.Consent.Purposes.Add(new ConsentPurpose("analytics.personalised", "Personalised offers.", LegalBasis.LegitimateInterests) { OptOutByGlobalPrivacyControl = true }));
        var consent = host.Services.GetRequiredService<IConsentService>();
        var anonymous = host.Client(null, null);
        Assert.Equal("nobody", await anonymous.GetStringAsync("/public/offers")); // no signal, no cookie, nothing recorded

        using var signal = new HttpRequestMessage(HttpMethod.Get, "/public/offers") { Headers = { { "Sec-GPC", "1" } } };
        var first = await anonymous.SendAsync(signal);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(VisitorSubjects.CookieName + "=", StringComparison.Ordinal));
        var visitorId = cookie.Split(';')[0][(VisitorSubjects.CookieName.Length + 1)..];
        var visitor = new SubjectRef("site", VisitorSubjects.SubjectPrefix + visitorId, DataSubjectKind.WebsiteVisitor);

        Assert.Equal("WebsiteVisitor:plain", await first.Content.ReadAsStringAsync()); // honoured on the very request
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.All(await consent.HistoryAsync(visitor).ToListAsync(), e => Assert.Equal(ConsentMethod.GlobalPrivacyControl, e.Method)); // one objection per GPC purpose
        Assert.Equal(2, await consent.HistoryAsync(visitor).CountAsync());

        using var later = new HttpRequestMessage(HttpMethod.Get, "/public/offers") { Headers = { { "Cookie", VisitorSubjects.CookieName + "=" + visitorId } } };
        Assert.Equal("WebsiteVisitor:plain", await (await anonymous.SendAsync(later)).Content.ReadAsStringAsync()); // remembered without the header

        var ada = host.Client("acme", "ada");
        Assert.True(consent.HasConsent(new SubjectRef("acme", "ada"), "analytics.personalised"));
        using var signIn = new HttpRequestMessage(HttpMethod.Get, "/public/offers") { Headers = { { "Cookie", VisitorSubjects.CookieName + "=" + visitorId } } };
        var signedIn = await ada.SendAsync(signIn);

        Assert.Equal("Customer:plain", await signedIn.Content.ReadAsStringAsync());
        var adas = await consent.HistoryAsync(new SubjectRef("acme", "ada")).ToListAsync();
        Assert.Contains(adas, e => e.Method == ConsentMethod.GlobalPrivacyControl && e.Source.Contains("carried over from " + visitor.SubjectId, StringComparison.Ordinal));
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(VisitorSubjects.CookieName + "=;", StringComparison.Ordinal)); // the device forgets it
    }

    [Fact]
    public async Task Downloads_are_rate_limited_per_user()
    {
        await using var host = await EndpointTestHost.StartAsync(o => o.DownloadsPerHour = 2);
        var ada = host.Client("acme", "ada");
        var id = (await (await ada.PostAsJsonAsync("/privacy/me/requests", new { kind = "access" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ada.GetAsync($"/privacy/me/requests/{id}/package")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Submissions_are_rate_limited_per_user()
    {
        await using var host = await EndpointTestHost.StartAsync(o => o.SubmissionsPerHour = 2);
        var ada = host.Client("acme", "ada");

        var statuses = new List<HttpStatusCode>();
        foreach (var kind in new[] { "access", "erasure", "restriction" })
        {
            statuses.Add((await ada.PostAsJsonAsync("/privacy/me/requests", new { kind })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", (await ada.PostAsJsonAsync("/privacy/me/requests", new { kind = "objection", purpose = "x" })).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Client("acme", "grace").PostAsJsonAsync("/privacy/me/requests", new { kind = "access" })).StatusCode);
    }
}
