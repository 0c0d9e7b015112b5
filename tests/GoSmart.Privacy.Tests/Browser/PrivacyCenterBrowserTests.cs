using System.IO.Compression;
using System.Text.Json;
using GoSmart.Crm.Sample;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GoSmart.Privacy.Tests.Browser;

/// <summary>
/// The CRM sample's privacy center in a real headless Chromium (Debian's, driven by Playwright — no browser
/// download): a signed-in person changes a consent, gets a copy of their data, and has it erased.
/// </summary>
[Collection(DotnetCliCollection.Name)]
public sealed class PrivacyCenterBrowserTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("gosmart-crm-").FullName;
    private WebApplication? _app;

    [SkippableFact]
    public async Task A_person_changes_a_consent_downloads_their_data_and_has_it_erased_in_the_privacy_center()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Chromium is missing: install Debian's 'chromium' package.");
            Skip.If(true, "Chromium is not installed (apt-get install chromium); the browser test needs it.");
        }

        _app = CrmSampleApp.Create([], _data, Convert.ToBase64String(TestKeys.Key));
        _app.Urls.Add("http://127.0.0.1:0");
        await CrmSampleApp.SeedAsync(_app.Services);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        try
        {
            await page.GotoAsync(address + "/sign-in?tenant=acme&subject=ada&name=Ada%20Lovelace");
            await page.WaitForSelectorAsync("input[data-purpose='marketing.communications.email']");
            Assert.Equal("Signed in as Ada Lovelace (acme).", await page.TextContentAsync("#who"));

            await page.CheckAsync("input[data-purpose='marketing.communications.email']");
            await page.WaitForSelectorAsync("input[data-purpose='marketing.communications.email'][data-saved='true']");
            var consent = _app.Services.GetRequiredService<IConsentService>();
            Assert.True(await consent.HasConsentAsync(new SubjectRef("acme", "ada"), "marketing.communications.email"));

            await page.ClickAsync("#request-copy");
            await page.WaitForSelectorAsync("#download:not([hidden])");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
            var file = Path.Combine(_data, "my-data.zip");
            await download.SaveAsAsync(file);
            await page.WaitForFunctionAsync("document.getElementById('copy-status').textContent === 'Status: Done'");
            using (var zip = ZipFile.OpenRead(file))
            {
                using var contacts = JsonDocument.Parse(zip.GetEntry("data/crm/Contact.json")!.Open());
                Assert.Equal("Ada Lovelace", contacts.RootElement[0].GetProperty("fullName").GetString());
                Assert.Contains(zip.Entries, e => e.FullName == "README.html");
                Assert.Contains(zip.Entries, e => e.FullName == "data/consent.history.json");
            }

            await page.FillAsync("#decision", "lead-score/ada");
            await page.FillAsync("#point-of-view", "I am a customer, not a lead.");
            await page.ClickAsync("#request-review");
            await page.WaitForSelectorAsync("#review-status[data-status='completed']");
            var reviews = _app.Services.GetRequiredService<IPrivacyRequestService>();
            var review = await reviews.ListAsync(new PrivacyRequestQuery { TenantId = "acme", Kind = PrivacyRequestKind.AutomatedDecisionReview }).SingleAsync();
            Assert.Contains("recalculated", (await reviews.GetReportAsync(review.Id)).Handlers.Single().Result!.Outcome, StringComparison.Ordinal);

            await page.ClickAsync("#request-erasure");
            await page.WaitForSelectorAsync("#erasure-status[data-status='completedWithExemptions']");
            using var scope = _app.Services.CreateScope();
            var crm = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var erased = await crm.Contacts.SingleAsync(c => c.TenantId == "acme" && c.Id == "ada");
            Assert.Equal("", erased.FullName);
            Assert.Equal("Analytical Engines Ltd", erased.Company); // retained under the legal-claims exemption
            Assert.Equal("4242", erased.Payment!.CardLastFour); // retained under the legal obligation
            Assert.Equal(1299m, erased.Deals.Single().Amount); // in the JSON column, retained under the legal obligation
            Assert.Equal("Ada (globex)", (await crm.Contacts.SingleAsync(c => c.TenantId == "globex" && c.Id == "ada")).FullName);
            Assert.Equal("", await page.TextContentAsync("#error"));
        }
        finally
        {
            Directory.CreateDirectory(Repository.Path("TestResults", "screenshots"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.Path("TestResults", "screenshots", "privacy-center.png"), FullPage = true });
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
