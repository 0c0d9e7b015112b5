using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GoSmart.Privacy.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>A newsletter subscriber: someone with no account, known only by their e-mail address.</summary>
public sealed class NewsletterSubscriber
{
    [DataSubjectId] public string Email { get; set; } = "";

    [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";
}

/// <summary>The newsletter's list, keyed by address, as a marketing service keeps it.</summary>
internal sealed class NewsletterList
{
    public List<NewsletterSubscriber> Subscribers { get; } = [new() { Email = "ada@example.com", Name = "Ada Lovelace" }, new() { Email = "grace@example.com", Name = "Grace Hopper" }];
}

internal sealed class NewsletterHandler(NewsletterList list) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "newsletter.subscribers";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(NewsletterSubscriber)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var s in list.Subscribers.Where(s => subject.Is(s.Email)).ToList())
        {
            yield return s;
        }
    }

    public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        var removed = list.Subscribers.RemoveAll(s => context.Subject.Is(s.Email));
        context.RecordDeleted(typeof(NewsletterSubscriber), removed);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The public request form (Art. 12(6)) for people without an account: nothing reaches a handler until the e-mailed link
/// is followed and confirmed; expired, changed and reused links, floods and bad fields are refused with the fix.
/// </summary>
public class PublicIntakeTests
{
    private static Task<EndpointTestHost> Start(Action<PublicIntakeOptions>? intake = null) =>
        EndpointTestHost.StartAsync(extra: b =>
        {
            b.Services.AddSingleton<NewsletterList>();
            b.AddExporter<NewsletterHandler>().AddErasureHandler<NewsletterHandler>();
        }, intake: intake);

    [Fact]
    public async Task An_erasure_from_the_form_waits_for_the_emailed_link_and_the_confirmation_then_erases_the_subscription()
    {
        await using var host = await Start(o => o.TenantOf = _ => "newsletter");
        var list = host.Services.GetRequiredService<NewsletterList>();

        var submitted = await host.Client(null, null).PostAsJsonAsync("/privacy/public/requests", new { email = "Ada@Example.com", right = "erasure", subjectKind = "newsletterSubscriber", name = "Ada" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var request = await host.Services.GetRequiredService<IPrivacyRequestService>().ListAsync(new PrivacyRequestQuery { TenantId = "newsletter" }).SingleAsync();
        Assert.Equal((PrivacyRequestStatus.AwaitingIdentityVerification, RequestChannel.WebForm, DataSubjectKind.NewsletterSubscriber, "ada@example.com"), (request.Status, request.Channel, request.Subject.Kind, request.Subject.SubjectId));
        Assert.Equal(2, list.Subscribers.Count); // nothing ran: the host's verifier trusts signed-in users, not a form

        var mail = Assert.Single(host.Mail.Sent);
        Assert.Equal("ada@example.com", mail.To);
        Assert.Contains(mail.Link.ToString(), mail.Text, StringComparison.Ordinal);
        var page = await host.Browser().GetAsync(mail.Link.PathAndQuery);
        Assert.Contains("Confirm my request", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, list.Subscribers.Count); // opening the link (a mail scanner does) confirms nothing

        var token = System.Web.HttpUtility.ParseQueryString(mail.Link.Query)["token"]!;
        var confirmed = await host.Browser().PostAsync("/privacy/public/verify", new FormUrlEncodedContent([new("token", token)]));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Request confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["grace@example.com"], list.Subscribers.Select(s => s.Email)); // the effect, in the service's data
        Assert.Equal(PrivacyRequestStatus.Completed, (await host.Services.GetRequiredService<IPrivacyRequestService>().GetAsync(request.Id))!.Status);

        var reused = await host.Browser().PostAsync("/privacy/public/verify", new FormUrlEncodedContent([new("token", token)]));
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_request_from_the_form_sends_a_second_link_that_downloads_the_copy()
    {
        await using var host = await Start();
        await host.Client(null, null).PostAsJsonAsync("/privacy/public/requests", new { email = "grace@example.com", right = "access" });
        var token = System.Web.HttpUtility.ParseQueryString(host.Mail.Sent[0].Link.Query)["token"]!;

        await host.Client(null, null).PostAsync("/privacy/public/verify?token=" + token, null);
        var download = host.Mail.Sent[1];
        var package = await host.Browser().GetAsync(download.Link.PathAndQuery);

        Assert.Equal("Your copy of your personal data", download.Subject);
        Assert.Equal("application/zip", package.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await package.Content.ReadAsStreamAsync());
        var data = zip.Entries.Single(e => e.FullName == "data/newsletter.subscribers.json");
        Assert.Contains("Grace Hopper", new StreamReader(data.Open()).ReadToEnd(), StringComparison.Ordinal);
        var forged = await host.Browser().GetAsync("/privacy/public/package?token=" + token); // a verify link is not a download link
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task An_expired_or_changed_link_is_refused_and_the_request_stays_unconfirmed()
    {
        await using var host = await Start();
        await host.Client(null, null).PostAsJsonAsync("/privacy/public/requests", new { email = "ada@example.com", right = "erasure" });
        var token = System.Web.HttpUtility.ParseQueryString(host.Mail.Sent[0].Link.Query)["token"]!;
        var changed = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var tampered = await host.Client(null, null).PostAsync("/privacy/public/verify?token=" + changed, null);
        host.Time.Advance(TimeSpan.FromHours(25));
        var expired = await host.Client(null, null).PostAsync("/privacy/public/verify?token=" + token, null);

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var problem = await expired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Submit the request again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, host.Services.GetRequiredService<NewsletterList>().Subscribers.Count);
    }

    [Fact]
    public async Task Bad_fields_get_problem_details_naming_the_fix_and_nothing_is_stored()
    {
        await using var host = await Start(o => o.Rights.Remove(PrivacyRequestKind.Portability));
        var client = host.Client(null, null);

        var badAddress = await client.PostAsJsonAsync("/privacy/public/requests", new { email = "ada at example", right = "access" });
        var disabled = await client.PostAsJsonAsync("/privacy/public/requests", new { email = "ada@example.com", right = "portability" });
        var numeric = await client.PostAsJsonAsync("/privacy/public/requests", new { email = "ada@example.com", right = "0" });
        var badPurpose = await client.PostAsJsonAsync("/privacy/public/requests", new { email = "ada@example.com", right = "objection", purpose = "made.up" });

        Assert.All(new[] { badAddress, disabled, numeric, badPurpose }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("ada@example.com", (await badAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("'portability' is not offered here", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not a declared purpose", (await badPurpose.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Mail.Sent);
        Assert.Empty(await host.Services.GetRequiredService<IPrivacyRequestService>().ListAsync(new PrivacyRequestQuery()).ToListAsync());
    }

    [Fact]
    public async Task A_flood_from_one_address_gets_429_and_the_same_request_again_sends_no_second_email()
    {
        await using var host = await Start(o => o.SubmissionsPerHour = 3);
        var client = host.Client(null, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/privacy/public/requests", new FormUrlEncodedContent([new("email", "ada@example.com"), new("right", "erasure")]))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Single(host.Mail.Sent); // one open request, one link
    }

    [Fact]
    public async Task A_flood_of_plain_form_posts_gets_a_429_page_in_the_visitors_language()
    {
        await using var host = await Start(o => o.SubmissionsPerHour = 2);
        var browser = host.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await browser.PostAsync("/privacy/public/requests", new FormUrlEncodedContent([new("email", $"flood{i}@example.com"), new("right", "access")]));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Zu viele Anfragen in der letzten Stunde.", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, host.Mail.Sent.Count); // the refused post sent nothing
    }

    [Fact]
    public async Task A_right_the_controller_does_not_offer_is_refused_before_any_email()
    {
        await using var host = await EndpointTestHost.StartAsync(endpoints: o => o.OffersRight = (_, kind) => kind != PrivacyRequestKind.Erasure);
        var browser = host.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await browser.PostAsync("/privacy/public/requests", new FormUrlEncodedContent([new("email", "lead@example.org"), new("right", "erasure")]));
        var json = await host.Client(null, null).PostAsJsonAsync("/privacy/public/requests", new { email = "lead@example.org", right = "erasure" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Esta solicitud no se puede hacer aquí.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Empty(host.Mail.Sent);
        Assert.Empty(await ((IPrivacyRequestService)host.Services.GetService(typeof(IPrivacyRequestService))!).ListAsync(new PrivacyRequestQuery { SubjectId = "lead@example.org" }).ToListAsync());
    }

    [Fact]
    public async Task A_plain_html_form_post_without_javascript_gets_a_page_in_the_visitors_language()
    {
        await using var host = await Start();
        var browser = host.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var answer = await browser.PostAsync("/privacy/public/requests", new FormUrlEncodedContent([new("email", "ada@example.com"), new("right", "access")]));
        var page = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Demande reçue</h1>", page, StringComparison.Ordinal);
        Assert.Single(host.Mail.Sent);
    }

    [Fact]
    public async Task An_administrator_records_a_letter_with_its_evidence_and_date_of_receipt_and_confirms_the_requester()
    {
        await using var host = await Start();
        var admin = host.Client("acme", "dpo", "privacy-admin");
        var received = host.Time.GetUtcNow().AddDays(-3);

        var recorded = await admin.PostAsJsonAsync("/privacy/tenants/acme/intake", new { subjectId = "ada@example.com", kind = "access", channel = "letter", evidence = "Letter dated 26 Feb 2026, scan DOC-118", receivedAt = received });
        var view = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var noEvidence = await admin.PostAsJsonAsync("/privacy/tenants/acme/intake", new { subjectId = "ada@example.com", kind = "erasure", channel = "email", evidence = " " });
        var future = await admin.PostAsJsonAsync("/privacy/tenants/acme/intake", new { subjectId = "ada@example.com", kind = "erasure", channel = "email", evidence = "e-mail", receivedAt = host.Time.GetUtcNow().AddDays(1) });
        var otherTenant = await admin.PostAsJsonAsync("/privacy/tenants/globex/intake", new { subjectId = "ada@example.com", kind = "access", channel = "letter", evidence = "letter" });

        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        Assert.Equal("awaitingIdentityVerification", view.GetProperty("status").GetString());
        var request = (await host.Services.GetRequiredService<IPrivacyRequestService>().GetAsync(view.GetProperty("id").GetGuid()))!;
        Assert.Equal((RequestChannel.Letter, "Letter dated 26 Feb 2026, scan DOC-118", received), (request.Channel, request.Evidence, request.ReceivedAt));
        Assert.Equal(RequestDeadlines.DueAt(received, TimeZoneInfo.Utc), request.DueAt); // the month runs from receipt
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Contains("needs its evidence", (await noEvidence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);

        var confirmed = await admin.PostAsync($"/privacy/tenants/acme/requests/{request.Id}/confirm-identity", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }
}
