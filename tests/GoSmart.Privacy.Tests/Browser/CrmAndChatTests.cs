using GoSmart.Chat.Sample;
using GoSmart.Crm.Sample;
using GoSmart.Privacy.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Browser;

/// <summary>The CRM and Chat samples as two services sharing one privacy database: one erasure reaches both.</summary>
public sealed class CrmAndChatTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("gosmart-services-").FullName;
    private readonly List<WebApplication> _apps = [];

    [Fact]
    public async Task An_erasure_submitted_through_the_CRM_completes_when_the_Chat_service_has_run_its_handler()
    {
        var key = Convert.ToBase64String(TestKeys.Key);
        var crm = CrmSampleApp.Create([], _data, key);
        var chat = ChatSampleApp.Create([], _data, key, processingInterval: TimeSpan.FromSeconds(1));
        _apps.AddRange([crm, chat]);
        await CrmSampleApp.SeedAsync(crm.Services);
        await ChatSampleApp.SeedAsync(chat.Services);
        crm.Urls.Add("http://127.0.0.1:0");
        chat.Urls.Add("http://127.0.0.1:0");
        await chat.StartAsync(); // registers chat.messages in the shared database
        await crm.StartAsync();
        var store = crm.Services.GetRequiredService<IEngineRegistry>();
        await Until(async () => (await store.GetEnginesAsync(default)).Any(e => e.Service == "chat"));

        var requests = crm.Services.GetRequiredService<IPrivacyRequestService>();
        var request = await requests.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));
        await Until(async () => !(await requests.GetAsync(request.Id))!.IsOpen);

        var report = await requests.GetReportAsync(request.Id);
        Assert.Equal(["chat/Message", "consent.history", "crm/Contact", "identity/users"], report.Handlers.Select(h => h.Handler));
        Assert.All(report.Handlers, h => Assert.Equal(StepState.Completed, h.State));
        List<Message> messages;
        using (var scope = chat.Services.CreateScope())
        {
            messages = await scope.ServiceProvider.GetRequiredService<ChatDbContext>().Messages.Where(m => m.TenantId == "acme").OrderBy(m => m.Id).ToListAsync();
        }

        Assert.Equal("", messages.Single(m => m.AuthorId == "ada").Text);
        var graces = messages.Single(m => m.AuthorId == "grace");
        // Grace's words are not Ada's to erase, but Ada's name and phone inside them are: one pseudonym for the request
        Assert.Equal("Looks great, [user-1]! Charles, call her on [user-1], or write to me at grace@example.com.", graces.Text);
        // Ada's message: text, time, attachment name; in Grace's: Ada's reaction's name and the text whose mentions changed
        Assert.Equal(5, report.Handlers.Single(h => h.Handler == "chat/Message").Result!.Changed);
        Assert.Equal("", graces.Reactions.Single(r => r.UserId == "ada").DisplayName); // Ada's reaction inside grace's message is
        Assert.Equal("Charles Babbage", graces.Reactions.Single(r => r.UserId == "charles").DisplayName);
        using (var scope = crm.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Equal("", (await db.Contacts.SingleAsync(c => c.TenantId == "acme" && c.Id == "ada")).FullName);
            Assert.Equal("Ada (globex)", (await db.Contacts.SingleAsync(c => c.TenantId == "globex" && c.Id == "ada")).FullName);
            var portal = await db.Users.SingleAsync(u => u.Id == "ada");
            Assert.StartsWith("erased-", portal.UserName, StringComparison.Ordinal); // the Identity user, through UserManager
            Assert.Null(portal.Email);
        }
    }

    [Fact]
    public async Task The_chat_export_keeps_the_subjects_own_reaction_and_masks_third_parties_in_the_authors_text()
    {
        var chat = ChatSampleApp.Create([], _data, Convert.ToBase64String(TestKeys.Key), processingInterval: TimeSpan.FromHours(1));
        _apps.Add(chat);
        await ChatSampleApp.SeedAsync(chat.Services);
        var requests = chat.Services.GetRequiredService<IPrivacyRequestService>();
        var access = await requests.SubmitAsync(new PrivacyRequestSubmission(PrivacyRequestKind.Access, new SubjectRef("acme", "ada")));
        await requests.ConfirmIdentityAsync(access.Id);
        using var package = new MemoryStream();

        await requests.WriteAccessPackageAsync(access.Id, package, AccessPackageFormat.Json);

        using var doc = System.Text.Json.JsonDocument.Parse(package.ToArray());
        var messages = doc.RootElement.GetProperty("data").GetProperty("chat/Message");
        Assert.Equal("The engine drawings are attached.", messages[0].GetProperty("text").GetString());
        // Grace's message, as Ada received it, with what it says about others masked (Art. 15(4)); Ada's own name and number stay
        Assert.Equal("Looks great, Ada! Charles, call her on 020 7946 0018, or write to me at [email-1].", messages[1].GetProperty("text").GetString());
        Assert.Equal("Ada Lovelace", messages[1].GetProperty("reactions")[0].GetProperty("displayName").GetString());
        Assert.Equal("", messages[1].GetProperty("reactions")[1].GetProperty("displayName").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }
}
