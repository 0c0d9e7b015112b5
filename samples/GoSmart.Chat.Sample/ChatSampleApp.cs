using GoSmart.Crm.Sample;
using GoSmart.Privacy;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Chat.Sample;

/// <summary>
/// Builds the Chat sample: its EF Core database (SQLite, or PostgreSQL with <c>GOSMART_CHAT_DATABASE=Host=…</c>) whose
/// messages get their handlers from one registration — owner-aware, so in other people's messages only the subject's
/// reactions are touched — the privacy database shared with the CRM, and background processing.
/// </summary>
public static class ChatSampleApp
{
    public static WebApplication Create(string[] args, string dataDirectory, string pseudonymKey, TimeSpan? processingInterval = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var chatDatabase = builder.Configuration["GOSMART_CHAT_DATABASE"] ?? "Data Source=" + Path.Combine(dataDirectory, "chat.db");
        builder.Services.AddDbContext<ChatDbContext>(o => o.Use(chatDatabase));
        builder.AddSampleSignIn();
        builder.Services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = pseudonymKey;
                o.ServiceName = "chat";
                o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
                o.Disclosure.Purposes.Add(new(ProcessingPurposes.ProvideServiceOnBehalfOfCustomer, "Deliver your organisation's chat.", LegalBasis.Contract)
                {
                    Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.ContentMessage, DataCategories.BehaviorServiceUsage],
                    SubjectKinds = [DataSubjectKind.EndUser],
                });
            })
            .UseSqlite("Data Source=" + Path.Combine(dataDirectory, "privacy.db")) // shared with the CRM
            .AddEntityFrameworkCore<ChatDbContext>(o => { o.Name = "chat"; o.TenantProperty = "TenantId"; }) // chat/Message
            .AddTextScanner(o => o.DefaultRegion = "GB") // the submission-time check below; [FreeText] in erasure and access packages
            .AddSubjectIdentifiers<ChatDirectory>() // how members are written about: erasing Ada replaces "Ada" in Grace's message
            .AddBackgroundProcessing(processingInterval ?? TimeSpan.FromSeconds(5)) // runs the chat's steps of requests the CRM submitted
            .AddPrivacyCenter(o => o.Title = "Go Smart Chat privacy center"); // the same center as the CRM's, one line each
        builder.AddSampleOperations();
        var app = builder.Build();
        app.MapSampleOperations();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapPrivacyCenter();
        app.MapSampleSignIn();
        app.MapGet("/", () => "Go Smart Chat sample: its privacy steps run in the background; its privacy center is at /privacy.");

        // Before a message is stored, the composer asks: policy section 2 asks users not to send sensitive data.
        app.MapPost("/messages/check", (DraftMessage draft, GoSmart.Privacy.Text.IPersonalDataScanner scanner) =>
        {
            var check = GoSmart.Privacy.Text.SubmissionCheck.Of(scanner, draft.Text, new GoSmart.Privacy.Text.ScanContext { Participants = draft.Participants ?? [], Region = draft.Region });
            return Results.Json(new
            {
                warn = check.ShouldWarn,
                warnings = check.Warnings,
                findings = check.Findings.Select(f => new { type = f.Type.ToString(), category = f.Category?.ToString(), start = f.Start, length = f.Length }),
            });
        });
        return app;
    }

    /// <summary>Creates the chat database and seeds a conversation: Ada's message, and Grace's — mentioning Ada, her phone and Grace's own e-mail — with Ada's and Charles's reactions.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (await db.Messages.AnyAsync())
        {
            return;
        }

        db.Messages.Add(new Message { TenantId = "acme", Id = "m1", ConversationId = "c1", AuthorId = "ada", Text = "The engine drawings are attached.", SentAt = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero), Attachments = [new Attachment { FileName = "engine-drawings.pdf", SizeBytes = 48_213 }] });
        db.Messages.Add(new Message { TenantId = "acme", Id = "m2", ConversationId = "c1", AuthorId = "grace", Text = "Looks great, Ada! Charles, call her on 020 7946 0018, or write to me at grace@example.com.", SentAt = new DateTimeOffset(2026, 11, 20, 14, 35, 0, TimeSpan.Zero), Reactions = [new Reaction { UserId = "ada", DisplayName = "Ada Lovelace", Emoji = "👍" }, new Reaction { UserId = "charles", DisplayName = "Charles Babbage", Emoji = "🎉" }] });
        await db.SaveChangesAsync();
    }
}

/// <summary>A message the user is about to send, with its conversation's participants.</summary>
/// <param name="Text">The text.</param>
/// <param name="Participants">The conversation's members' display names.</param>
/// <param name="Region">The region phone numbers are read in, e.g. <c>GB</c>.</param>
public sealed record DraftMessage(string? Text, IReadOnlyList<string>? Participants = null, string? Region = null);

