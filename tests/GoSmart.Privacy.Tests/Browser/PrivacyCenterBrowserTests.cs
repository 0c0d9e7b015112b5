using System.IO.Compression;
using System.Text.Json;
using GoSmart.Chat.Sample;
using GoSmart.Crm.Sample;
using GoSmart.Privacy.AspNetCore;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GoSmart.Privacy.Tests.Browser;

/// <summary>
/// The SDK's privacy center, mounted by the CRM sample with one line, in a real headless Chromium (Debian's, driven
/// by Playwright), with the Chat service beside it on the same privacy database: every right is used through the page
/// and its effect is checked in the services' data; axe-core checks every view for WCAG 2.2 AA.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class PrivacyCenterBrowserTests : IAsyncLifetime
{
    private static readonly string[] Languages = ["en", "de", "fr", "es"];
    private readonly string _data = Directory.CreateTempSubdirectory("gosmart-center-").FullName;
    private readonly List<WebApplication> _apps = [];
    private WebApplication _crm = null!;
    private WebApplication _chat = null!;
    private string _address = "";
    private string _axe = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    [SkippableFact]
    public async Task Every_right_is_used_through_the_page_and_reaches_the_CRM_and_Chat_data()
    {
        var page = await OpenAsync(new BrowserNewPageOptions { AcceptDownloads = true, BypassCSP = true }); // axe is injected into the page
        var axe = _axe;
        var violations = new List<string>();
        async Task Check(string view) => violations.AddRange((await Chromium.ViolationsAsync(page, axe)).Select(v => view + ": " + v));
        try
        {
            await page.GotoAsync(_address + "/sign-in?tenant=acme&subject=ada&name=Ada%20Lovelace");
            Assert.EndsWith("/privacy/center/overview?lang=en", page.Url, StringComparison.Ordinal);
            Assert.Equal("Signed in as Ada Lovelace.", await page.TextContentAsync("#pc-who"));
            await Check("overview");

            // Informed (Art. 13/14): the tenant's notice, its purposes and legal grounds.
            await Go(page, "notice");
            Assert.Contains("Acme Ltd", await page.TextContentAsync("main"), StringComparison.Ordinal);
            Assert.Contains("our legitimate interests", await page.TextContentAsync("main"), StringComparison.Ordinal);
            await Check("notice");

            // Consent (Art. 7(3)): agreeing and withdrawing are the same one click.
            await Go(page, "consents");
            await page.CheckAsync("fieldset[data-purpose='marketing.communications.email'] input[value='yes']");
            await page.ClickAsync("#send");
            await page.WaitForSelectorAsync("#pc-message");
            var consent = _crm.Services.GetRequiredService<IConsentService>();
            Assert.True(await consent.HasConsentAsync(new SubjectRef("acme", "ada"), "marketing.communications.email"));
            await Check("consents");
            await page.CheckAsync("fieldset[data-purpose='marketing.communications.email'] input[value='no']");
            await page.ClickAsync("#send");
            await page.WaitForSelectorAsync("#pc-message");
            Assert.False(await consent.HasConsentAsync(new SubjectRef("acme", "ada"), "marketing.communications.email"));

            // Access (Art. 15): ask, then read the copy in the browser and download the zip.
            await Go(page, "access");
            await Check("access");
            await page.ClickAsync("#send");
            Assert.Contains("/privacy/center/requests", page.Url, StringComparison.Ordinal);
            await RowAsync(page, "Access", "InProgress");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("tr[data-kind='Access'] a[data-format='zip']"));
            var file = Path.Combine(_data, "my-data.zip");
            await download.SaveAsAsync(file);
            using (var zip = ZipFile.OpenRead(file))
            {
                using var contacts = JsonDocument.Parse(zip.GetEntry("data/crm/Contact.json")!.Open());
                Assert.Equal("Ada Lovelace", contacts.RootElement[0].GetProperty("fullName").GetString());
                Assert.Contains(zip.Entries, e => e.FullName == "README.html");
                Assert.Contains(zip.Entries, e => e.FullName == "data/consent.history.json");
            }

            await RowAsync(page, "Access", "Completed"); // the copy was handed over
            await Go(page, "requests");
            await Check("requests");

            // Portability (Art. 20): the zip holds CSV for a spreadsheet, for each area whose records fit one row.
            await Go(page, "portability");
            await Check("portability");
            await page.ClickAsync("#send");
            await RowAsync(page, "Portability", "InProgress");
            var readable = await page.Context.APIRequest.GetAsync(await page.GetAttributeAsync("tr[data-kind='Portability'] a[data-format='html']", "href") is { } html ? _address + html : throw new InvalidOperationException("no read link"));
            Assert.Contains("Ada Lovelace", await readable.TextAsync(), StringComparison.Ordinal); // the copy to read in the browser
            download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("tr[data-kind='Portability'] a[data-format='zip']"));
            await download.SaveAsAsync(file);
            using (var zip = ZipFile.OpenRead(file))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "data/identity/users.csv");
                Assert.DoesNotContain(zip.Entries, e => e.FullName == "data/crm/Contact.csv"); // deals and payment are nested: JSON only
            }

            // Rectification (Art. 16): the fields hold Ada's data now; a value of the wrong type is refused on the page.
            await Go(page, "rectification");
            Assert.Equal("+44 20 7946 0018", await page.InputValueAsync("input[name='c.Contact.Phone']"));
            Assert.Equal("1815", await page.InputValueAsync("input[name='c.Contact.BirthYear']"));
            await Check("rectification");
            await page.FillAsync("input[name='c.Contact.BirthYear']", "eighteen fifteen");
            await page.FillAsync("input[name='c.Contact.Phone']", "+44 20 7946 0999");
            await page.FillAsync("#reason", "I changed my number.");
            var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send"), r => r.Request.Method == "POST");
            Assert.Equal(400, refused.Status);
            Assert.Contains("“eighteen fifteen” does not fit", await page.TextContentAsync("#pc-error"), StringComparison.Ordinal);
            Assert.Equal("true", await page.GetAttributeAsync("input[name='c.Contact.BirthYear']", "aria-invalid"));
            await Check("rectification, refused");
            Assert.Equal("+44 20 7946 0018", (await ContactAsync()).Phone); // nothing half-written
            await page.FillAsync("input[name='c.Contact.BirthYear']", "1815");
            await page.ClickAsync("#send");
            await RowAsync(page, "Rectification", "Completed");
            Assert.Equal("+44 20 7946 0999", (await ContactAsync()).Phone);
            Assert.Contains("1 corrections made", await page.TextContentAsync("tr[data-kind='Rectification']"), StringComparison.Ordinal);

            // Objection (Art. 21), per purpose.
            await Go(page, "objection");
            await Check("objection");
            await page.FillAsync("#objection-analytics-product-improvement-reason", "I do not want to be analysed.");
            await page.ClickAsync("#objection-analytics-product-improvement button");
            await RowAsync(page, "Objection", "Completed");
            var requests = _crm.Services.GetRequiredService<IPrivacyRequestService>();
            Assert.Equal("analytics.product-improvement", (await requests.ListAsync(new PrivacyRequestQuery { TenantId = "acme", Kind = PrivacyRequestKind.Objection }).SingleAsync()).Purpose);

            // Art. 22(3): a person reviews an automated decision.
            await Go(page, "review");
            await Check("review");
            await page.FillAsync("#decision", "lead-score/ada");
            await page.FillAsync("#point-of-view", "I am a customer, not a lead.");
            await page.ClickAsync("#send");
            await RowAsync(page, "AutomatedDecisionReview", "Completed");
            Assert.Contains("recalculated", await page.TextContentAsync("tr[data-kind='AutomatedDecisionReview']"), StringComparison.Ordinal);

            // Restriction (Art. 18): set, then lift.
            await Go(page, "restriction");
            await Check("restriction");
            await page.ClickAsync("#send");
            await RowAsync(page, "Restriction", "Completed");
            await Go(page, "restriction");
            Assert.StartsWith("The use of your data is paused since", await page.TextContentAsync("#restriction-state"), StringComparison.Ordinal);
            await page.ClickAsync("#send");
            await RowAsync(page, "LiftRestriction", "Completed");
            await Go(page, "restriction");
            Assert.Equal("The use of your data is not paused.", await page.TextContentAsync("#restriction-state"));

            // Erasure (Art. 17): the preview says what is kept and why; the box must be ticked; then both services erase.
            await Go(page, "erasure");
            Assert.Contains("Company — needed for legal claims", await page.TextContentAsync("main"), StringComparison.Ordinal);
            await Check("erasure");
            await page.EvaluateAsync("document.getElementById('confirm').removeAttribute('required')"); // as a browser without validation would send it
            refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send"), r => r.Request.Method == "POST");
            Assert.Equal(400, refused.Status);
            Assert.Contains("Tick the box", await page.TextContentAsync("#pc-error"), StringComparison.Ordinal);
            await page.CheckAsync("#confirm");
            await page.ClickAsync("#send");
            var erasure = await RowAsync(page, "Erasure", "CompletedWithExemptions", TimeSpan.FromSeconds(60));
            Assert.Contains("Done — some data kept", erasure, StringComparison.Ordinal);
            Assert.Contains("Kept — needed for legal claims", erasure, StringComparison.Ordinal);
            Assert.Contains("Invoices and deal amounts: 6 years after the end of the financial year", await page.TextContentAsync("main"), StringComparison.Ordinal); // how long what was kept is kept
            var contact = await ContactAsync();
            Assert.Equal("", contact.FullName);
            Assert.Equal("Analytical Engines Ltd", contact.Company); // kept under the legal-claims exemption, as the preview said
            Assert.Equal("4242", contact.Payment!.CardLastFour); // kept under the legal obligation
            using (var scope = _chat.Services.CreateScope())
            {
                var messages = await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Messages.Where(m => m.TenantId == "acme").ToListAsync();
                Assert.Equal("", messages.Single(m => m.AuthorId == "ada").Text); // the Chat service ran its step
                Assert.Equal("", messages.Single(m => m.AuthorId == "grace").Reactions.Single(r => r.UserId == "ada").DisplayName);
            }

            await Check("requests, all rights");
            Assert.Empty(violations);
        }
        finally
        {
            await ShotAsync(page, "center-end-to-end");
        }
    }

    [SkippableFact]
    public async Task Someone_without_an_account_reads_the_notice_sets_choices_and_asks_by_a_verified_e_mail()
    {
        var page = await OpenAsync(new BrowserNewPageOptions { BypassCSP = true, ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "de-DE,de;q=0.9" } });
        var axe = _axe;
        try
        {
            await page.GotoAsync(_address + "/privacy");
            Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
            Assert.StartsWith("Sie sind nicht angemeldet.", await page.TextContentAsync("#pc-who"), StringComparison.Ordinal);
            Assert.Empty(await Chromium.ViolationsAsync(page, axe));

            await page.ClickAsync("nav >> text=Ihre Einwilligungen");
            await page.CheckAsync("fieldset[data-purpose='events.reminders'] input[value='yes']");
            await page.ClickAsync("#send");
            await page.WaitForSelectorAsync("#pc-message");
            Assert.Equal("Ihre Auswahl ist gespeichert.", await page.TextContentAsync("#pc-message"));
            Assert.Empty(await Chromium.ViolationsAsync(page, axe));

            await page.ClickAsync("nav >> text=Ohne Konto anfragen");
            Assert.Empty(await Chromium.ViolationsAsync(page, axe));
            await page.FillAsync("#ask-email", "lead@example.org");
            await page.SelectOptionAsync("#ask-right", "erasure");
            await page.SelectOptionAsync("#ask-kind", "newsletterSubscriber");
            await page.ClickAsync("#send");
            Assert.Contains("E-Mail", await page.TextContentAsync("main"), StringComparison.Ordinal);
            var requests = _crm.Services.GetRequiredService<IPrivacyRequestService>();
            var waiting = await requests.ListAsync(new PrivacyRequestQuery { SubjectId = "lead@example.org" }).SingleAsync();
            Assert.Equal(PrivacyRequestStatus.AwaitingIdentityVerification, waiting.Status); // no handler has run yet

            // What a visitor sees, in every language: no axe violation, a screenshot each.
            foreach (var language in Languages)
            {
                foreach (var view in new[] { "overview", "notice", "consents", "ask" })
                {
                    await Go(page, view, language);
                    Assert.Empty(await Chromium.ViolationsAsync(page, axe));
                    await ShotAsync(page, $"visitor-{view}-{language}");
                }
            }

            await Go(page, "notice", "de");
            var notice = await page.TextContentAsync("main");
            Assert.Contains("E-Mail-Adresse", notice, StringComparison.Ordinal); // the data categories, in German
            Assert.Contains("Wir treffen keine Entscheidung über Sie allein automatisiert", notice, StringComparison.Ordinal); // the SDK's own statement, in German

            var mail = _crm.Services.GetRequiredService<IPrivacyMailer>() as InMemoryPrivacyMailer;
            var link = Assert.Single(mail!.Sent).Link;
            await page.GotoAsync(link.ToString());
            await page.ClickAsync("button[type='submit']");
            Assert.NotEqual(PrivacyRequestStatus.AwaitingIdentityVerification, (await requests.GetAsync(waiting.Id))!.Status);

            await page.GotoAsync(link.ToString()); // the link again: used, said in German
            Assert.Contains("bereits", await page.TextContentAsync("main"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await ShotAsync(page, "center-no-account-de");
        }
    }

    [SkippableFact]
    public async Task A_keyboard_alone_asks_for_a_copy_and_every_view_in_every_language_passes_axe()
    {
        var page = await OpenAsync(new BrowserNewPageOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var axe = _axe;
        await page.GotoAsync(_address + "/sign-in?tenant=acme&subject=ada&name=Ada%20Lovelace");

        // Keyboard only: the skip link comes first, the navigation is in reading order, the form is reached by Tab.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement.textContent") != "See your data"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("See your data", await page.EvaluateAsync<string>("document.activeElement.textContent")); // Tab reached the link
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/privacy/center/access**");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement.id") != "send"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("send", await page.EvaluateAsync<string>("document.activeElement.id")); // Tab reached the button
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle")); // focus is visible
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/privacy/center/requests**"); // a key press does not wait for the navigation it starts
        await RowAsync(page, "Access", "InProgress");
        var requests = _crm.Services.GetRequiredService<IPrivacyRequestService>();
        Assert.Equal(PrivacyRequestKind.Access, (await requests.ListAsync(new PrivacyRequestQuery { TenantId = "acme", SubjectId = "ada" }).SingleAsync()).Kind);

        // Every view in every language: no axe violation, one screenshot each; and at 200 % zoom nothing scrolls sideways.
        var violations = new List<string>();
        foreach (var language in Languages)
        {
            foreach (var view in new[] { "overview", "notice", "access", "portability", "rectification", "erasure", "restriction", "objection", "review", "consents", "requests" })
            {
                await page.GotoAsync($"{_address}/privacy/center/{view}?lang={language}");
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                violations.AddRange((await Chromium.ViolationsAsync(page, axe)).Select(v => $"{view} ({language}): {v}"));
                await ShotAsync(page, $"{view}-{language}");
            }
        }

        await page.SetViewportSizeAsync(640, 900);
        await page.EvaluateAsync("document.body.style.zoom = '200%'");
        await page.GotoAsync(_address + "/privacy/center/requests?lang=en");
        await page.EvaluateAsync("document.body.style.zoom = '200%'");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"), "The requests view scrolls sideways at 200 % zoom.");
        Assert.Empty(violations);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Chromium and axe-core (or a skip without Chromium), the two services, and a page in the browser.</summary>
    private async Task<IPage> OpenAsync(BrowserNewPageOptions options)
    {
        var chromium = Chromium.Path();
        _axe = await Chromium.AxeAsync();
        await StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright, chromium);
        return await _browser.NewPageAsync(options);
    }

    /// <summary>The CRM with its privacy center, and the Chat service on the same privacy database running its steps every second.</summary>
    private async Task StartAsync()
    {
        var key = Convert.ToBase64String(TestKeys.Key);
        _crm = CrmSampleApp.Create([], _data, key);
        _chat = ChatSampleApp.Create([], _data, key, processingInterval: TimeSpan.FromSeconds(1));
        _apps.AddRange([_crm, _chat]);
        await CrmSampleApp.SeedAsync(_crm.Services);
        await ChatSampleApp.SeedAsync(_chat.Services);
        _crm.Urls.Add("http://127.0.0.1:0");
        _chat.Urls.Add("http://127.0.0.1:0");
        await _chat.StartAsync();
        await _crm.StartAsync();
        _address = _crm.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var engines = _crm.Services.GetRequiredService<IEngineRegistry>();
        for (var i = 0; i < 100 && !(await engines.GetEnginesAsync(default)).Any(e => e.Service == "chat"); i++)
        {
            await Task.Delay(100);
        }
    }

    private Task<IResponse?> Go(IPage page, string view, string language = "en") => page.GotoAsync($"{_address}/privacy/center/{view}?lang={language}");

    /// <summary>Reloads the history until the newest request of <paramref name="kind"/> has <paramref name="status"/>; returns its row's text.</summary>
    private async Task<string> RowAsync(IPage page, string kind, string status, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (!page.Url.Contains("/privacy/center/requests", StringComparison.Ordinal))
            {
                await Go(page, "requests");
            }

            var row = page.Locator($"tr[data-kind='{kind}']").First;
            if (await row.CountAsync() > 0 && await row.GetAttributeAsync("data-status") == status)
            {
                return await row.TextContentAsync() ?? "";
            }

            Assert.True(DateTime.UtcNow < until, $"The {kind} request did not become {status}: it is {(await row.CountAsync() > 0 ? await row.GetAttributeAsync("data-status") : "missing")}.");
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }

    private async Task<Contact> ContactAsync()
    {
        using var scope = _crm.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Contacts.AsNoTracking().SingleAsync(c => c.TenantId == "acme" && c.Id == "ada");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.Path("TestResults", "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.Path("TestResults", "screenshots", name + ".png"), FullPage = true });
    }
}
