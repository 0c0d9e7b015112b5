using GoSmart.Privacy;

namespace GoSmart.Chat.Sample;

/// <summary>Builds the Chat sample: its own data, its handler, the privacy database shared with the CRM, and background processing.</summary>
public static class ChatSampleApp
{
    public static WebApplication Create(string[] args, string dataDirectory, string pseudonymKey, TimeSpan? processingInterval = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(new ChatDatabase(Path.Combine(dataDirectory, "chat.db")));
        builder.Services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = pseudonymKey;
                o.ServiceName = "chat";
            })
            .UseSqlite("Data Source=" + Path.Combine(dataDirectory, "privacy.db")) // shared with the CRM
            .AddExporter<MessagesHandler>().AddErasureHandler<MessagesHandler>()
            .AddBackgroundProcessing(processingInterval ?? TimeSpan.FromSeconds(5)); // runs the chat's steps of requests the CRM submitted
        var app = builder.Build();
        app.MapGet("/", () => "Go Smart Chat sample: its privacy steps run in the background.");
        return app;
    }

    public static void Seed(ChatDatabase database)
    {
        database.Save(new Message { TenantId = "acme", Id = "m1", ConversationId = "c1", AuthorId = "ada", Text = "The engine drawings are attached.", SentAt = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero), Attachments = [new Attachment { FileName = "engine-drawings.pdf", SizeBytes = 48_213 }] });
        database.Save(new Message { TenantId = "acme", Id = "m2", ConversationId = "c1", AuthorId = "grace", Text = "Looks great, Ada!", SentAt = new DateTimeOffset(2026, 11, 20, 14, 35, 0, TimeSpan.Zero), Reactions = [new Reaction { UserId = "ada", DisplayName = "Ada Lovelace", Emoji = "👍" }, new Reaction { UserId = "charles", DisplayName = "Charles Babbage", Emoji = "🎉" }] });
    }
}
