using GoSmart.Privacy;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Chat.Sample;

/// <summary>
/// A chat message: the author's words — free text, so erasing someone else replaces their name in it — attachments'
/// metadata and other people's reactions (JSON columns).
/// </summary>
[PrimaryKey(nameof(TenantId), nameof(Id))]
public sealed class Message
{
    [NotPersonalData] public string Id { get; set; } = "";
    [NotPersonalData(Reason = "the tenant key")] public string TenantId { get; set; } = "";
    [NotPersonalData] public string ConversationId { get; set; } = "";
    [DataSubjectId] public string AuthorId { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage), FreeText] public string Text { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)] public DateTimeOffset SentAt { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public List<Reaction> Reactions { get; set; } = [];
}

/// <summary>An attachment's metadata (the file itself lives in storage).</summary>
[Owned]
public sealed class Attachment
{
    [PersonalField(DataCategories.ContentMessage)] public string FileName { get; set; } = "";
    [NotPersonalData] public long SizeBytes { get; set; }
}

/// <summary>Someone's reaction: their own record inside the author's message.</summary>
[Owned]
public sealed class Reaction
{
    [DataSubjectId] public string UserId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string DisplayName { get; set; } = "";
    [NotPersonalData] public string Emoji { get; set; } = "";
}

/// <summary>The chat's database.</summary>
public sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options)
{
    public DbSet<Message> Messages => Set<Message>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Message>().OwnsMany(m => m.Attachments, a => a.ToJson());
        modelBuilder.Entity<Message>().OwnsMany(m => m.Reactions, r => r.ToJson());
    }
}

/// <summary>The chat's members as others write about them: what the free-text redaction looks for (a real service reads its user directory).</summary>
public sealed class ChatDirectory : GoSmart.Privacy.Text.ISubjectIdentifierSource
{
    private static readonly Dictionary<string, GoSmart.Privacy.Text.SubjectIdentifiers> Members = new(StringComparer.Ordinal)
    {
        ["ada"] = new() { Names = ["Ada Lovelace"], EmailAddresses = ["ada@example.com"], PhoneNumbers = ["+44 20 7946 0018"] },
        ["grace"] = new() { Names = ["Grace Hopper"], EmailAddresses = ["grace@example.com"] },
        ["charles"] = new() { Names = ["Charles Babbage"], EmailAddresses = ["charles@example.com"] },
    };

    public ValueTask<GoSmart.Privacy.Text.SubjectIdentifiers?> FindAsync(SubjectRef subject, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Members.GetValueOrDefault(subject.SubjectId));
}
