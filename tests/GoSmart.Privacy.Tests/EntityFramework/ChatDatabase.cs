using GoSmart.Privacy.EntityFrameworkCore;
using GoSmart.Privacy.Tests.Infrastructure;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>Which database a test's chat context runs on.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh chat database (a SQLite file or a throwaway PostgreSQL database) and a privacy host over it.</summary>
internal sealed class ChatDatabase : IAsyncDisposable
{
    public static readonly Guid Ada = new("0a0a0a0a-0000-4000-8000-00000000000a");
    public static readonly Guid Grace = new("0b0b0b0b-0000-4000-8000-00000000000b");
    public static readonly Guid Linus = new("0c0c0c0c-0000-4000-8000-00000000000c");

    private readonly string? _file;

    private ChatDatabase(Provider provider, string connectionString, string? file)
    {
        ProviderKind = provider;
        ConnectionString = connectionString;
        _file = file;
    }

    public Provider ProviderKind { get; }

    public string ConnectionString { get; }

    public static async Task<ChatDatabase> CreateAsync(Provider provider)
    {
        ChatDatabase database;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"gosmart-ef-{Guid.NewGuid():N}.db");
            database = new ChatDatabase(provider, $"Data Source={file}", file);
        }
        else
        {
            database = new ChatDatabase(provider, PostgresServer.CreateDatabase(), null);
        }

        await using var db = database.Open();
        await db.Database.EnsureCreatedAsync();
        return database;
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (ProviderKind == Provider.Sqlite)
        {
            options.UseSqlite(ConnectionString);
        }
        else
        {
            options.UseNpgsql(ConnectionString);
        }
    }

    public ChatDbContext Open()
    {
        var options = new DbContextOptionsBuilder<ChatDbContext>();
        Configure(options);
        return new ChatDbContext(options.Options);
    }

    /// <summary>A privacy host whose handlers are the chat context's, generated from its model.</summary>
    public RequestTestHost Host(Action<EntityFrameworkPrivacyOptions<ChatDbContext>>? configure = null, Action<IServiceCollection>? services = null, IStepLedger? steps = null, IPrivacyRequestStore? store = null, Action<PrivacyOptions>? privacy = null, Action<IPrivacyBuilder>? builder = null) =>
        new(registerHandlers: false, steps: steps, store: store, configure: privacy, handlers: b =>
        {
            b.Services.AddDbContext<ChatDbContext>((provider, o) =>
            {
                Configure(o);
                o.AddInterceptors(provider.GetServices<FaultInjection>());
            });
            services?.Invoke(b.Services);
            builder?.Invoke(b);
            b.AddEntityFrameworkCore<ChatDbContext>(o =>
            {
                o.Name = "chat";
                o.TenantProperty = "TenantId";
                configure?.Invoke(o);
            });
        });

    /// <summary>Ada, Grace and Linus in tenant acme, and another Ada (same id) in tenant globex, with posts, mentions, reactions, files and tickets.</summary>
    public async Task SeedAsync()
    {
        await using var db = Open();
        var channel = new ChatChannel { TenantId = "acme", Name = "general" };
        var ada = User("acme", Ada, "Ada Lovelace", "ada@example.com");
        ada.Channels.Add(channel);
        db.AddRange(ada, User("acme", Grace, "Grace Hopper", "grace@example.com"), User("acme", Linus, "Linus", null), User("globex", Ada, "Ada at Globex", "ada@globex.example"));
        for (var i = 1; i <= 5; i++)
        {
            var post = Post("acme", Ada, $"Ada's note {i}", i);
            post.IsDeleted = i == 5; // soft-deleted, still Ada's data
            post.Attachments.Add(new PostAttachment { TenantId = "acme", FileName = $"ada-{i}.png" });
            db.Add(post);
        }

        await db.SaveChangesAsync();
        var adas = await db.Posts.IgnoreQueryFilters().Where(p => p.AuthorId == Ada && p.TenantId == "acme").OrderBy(p => p.Id).ToListAsync();
        var graces = Post("acme", Grace, "Grace's words for Ada and Linus", 9);
        graces.Mentions = [new PostMention { UserId = Ada, DisplayName = "Ada Lovelace" }, new PostMention { UserId = Linus, DisplayName = "Linus" }];
        var reply = Post("acme", Grace, "Grace replies to Ada", 10);
        reply.ReplyToId = adas[0].Id;
        db.AddRange(graces, reply, Post("globex", Ada, "Globex Ada's words", 11));
        await db.SaveChangesAsync();
        db.AddRange(
            new PostReaction { UserId = Ada, PostId = graces.Id, Emoji = "+1", TenantId = "acme", ReactedAt = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc) },
            new PostReaction { UserId = Grace, PostId = adas[0].Id, Emoji = "heart", TenantId = "acme", ReactedAt = new DateTime(2026, 3, 1, 11, 0, 0, DateTimeKind.Utc) },
            new SupportTicket { TenantId = "acme", AssigneeId = Ada, Note = "call Ada back", Requester = "Bob", RequesterAge = 41 },
            new SupportTicket { TenantId = "acme", AssigneeId = null, Note = "unassigned", Requester = "Carol", RequesterAge = 35 },
            new SupportTicket { TenantId = "acme", AssigneeId = Grace, Note = "Grace's ticket", Requester = "Dan", RequesterAge = null },
            new SupportTicket { TenantId = "globex", AssigneeId = Ada, Note = "globex ticket", Requester = "Eve", RequesterAge = 29 },
            new ReadReceipt { UserId = Ada, PostId = graces.Id, Device = "Ada's iPhone", TenantId = "acme" },
            new ReadReceipt { UserId = Grace, PostId = adas[0].Id, Device = "Grace's laptop", TenantId = "acme" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }

        await Task.CompletedTask;
    }

    private static ChatUser User(string tenant, Guid id, string name, string? email) =>
        new() { Id = id, TenantId = tenant, DisplayName = name, Email = email, Billed = 120m, Profile = new UserProfile { Bio = name + " writes", City = "London" } };

    private static ChatPost Post(string tenant, Guid author, string text, int day) =>
        new() { TenantId = tenant, AuthorId = author, Text = text, SentAt = new DateTime(2026, 2, day, 8, 30, 0, DateTimeKind.Utc) };
}
