using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.Tests.EntityFramework;

// A chat service's EF Core model, shaped like Mattermost's and Rocket.Chat's: every relationship shape the EF handlers meet.

/// <summary>A user: a root with an owned profile, soft-deletable, in channels (many-to-many); one id may be a user in several tenants.</summary>
[PrimaryKey(nameof(TenantId), nameof(Id))]
public sealed class ChatUser
{
    [DataSubjectId] public Guid Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string DisplayName { get; set; } = "";
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal Billed { get; set; }
    public UserProfile Profile { get; set; } = new();
    [NotPersonalData] public bool IsDeleted { get; set; }
    [ConcurrencyCheck] public int Version { get; set; }
    public List<ChatChannel> Channels { get; set; } = [];
}

/// <summary>Stored with the user (an owned type).</summary>
[Owned]
public sealed class UserProfile
{
    [PersonalField(DataCategories.AccountSettings)] public string? Bio { get; set; }
    [PersonalField(DataCategories.LocationImprecise)] public string? City { get; set; }
}

/// <summary>A channel: tags nothing, so it is not a tagged entity.</summary>
public sealed class ChatChannel
{
    public int Id { get; set; }
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public List<ChatUser> Members { get; set; } = [];
}

/// <summary>A message: its author's free text, with the people it mentions as parts (a JSON column), a reply-to self-reference, attachments.</summary>
public sealed class ChatPost
{
    public long Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    [DataSubjectId] public Guid AuthorId { get; set; }
    public ChatUser? Author { get; set; }
    [PersonalField(DataCategories.ContentMessage), FreeText] public string Text { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)] public DateTime SentAt { get; set; }
    public List<PostMention> Mentions { get; set; } = [];
    [NotPersonalData] public long? ReplyToId { get; set; }
    public ChatPost? ReplyTo { get; set; }
    public List<PostAttachment> Attachments { get; set; } = [];
    [NotPersonalData] public bool IsDeleted { get; set; }
}

/// <summary>A person mentioned in a message: their part of someone else's record.</summary>
[Owned]
public sealed class PostMention
{
    [DataSubjectId] public Guid UserId { get; set; }
    [PersonalField(DataCategories.Name)] public string DisplayName { get; set; } = "";
}

/// <summary>A file on a message: no subject id, it belongs to the message's author through its required foreign key.</summary>
public sealed class PostAttachment
{
    public Guid Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    public long ChatPostId { get; set; }
    public ChatPost? ChatPost { get; set; }
    [PersonalField(DataCategories.ContentMessage)] public string FileName { get; set; } = "";
}

/// <summary>A reaction, keyed by user, post and emoji as Mattermost's is.</summary>
[PrimaryKey(nameof(UserId), nameof(PostId), nameof(Emoji))]
public sealed class PostReaction
{
    [DataSubjectId] public Guid UserId { get; set; }
    public long PostId { get; set; }
    public ChatPost? Post { get; set; }
    [NotPersonalData] public string Emoji { get; set; } = "";
    [NotPersonalData] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage)] public DateTime ReactedAt { get; set; }
}

/// <summary>A read receipt keyed by user, post and device: the device name is personal and part of the key, so it cannot be rewritten in place.</summary>
[PrimaryKey(nameof(UserId), nameof(PostId), nameof(Device))]
public sealed class ReadReceipt
{
    [DataSubjectId] public Guid UserId { get; set; }
    public long PostId { get; set; }
#pragma warning disable GSP015 // the key member is erased by deleting the row: what the EF eraser does
    [PersonalField(DataCategories.Device)] public string Device { get; set; } = "";
#pragma warning restore GSP015
    [NotPersonalData] public string TenantId { get; set; } = "";
}

/// <summary>A support ticket whose assignee is optional (a record may belong to no one); every member erases to a constant.</summary>
public sealed class SupportTicket
{
    public int Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    [DataSubjectId] public Guid? AssigneeId { get; set; }
    [PersonalField(DataCategories.ContentPrivate)] public string? Note { get; set; }
    [PersonalField(DataCategories.Name)] public string Requester { get; set; } = "";
    [PersonalField(DataCategories.Age)] public int? RequesterAge { get; set; }
}

/// <summary>The chat service's context.</summary>
public sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options)
{
    public DbSet<ChatUser> Users => Set<ChatUser>();

    public DbSet<ChatChannel> Channels => Set<ChatChannel>();

    public DbSet<ChatPost> Posts => Set<ChatPost>();

    public DbSet<PostAttachment> Attachments => Set<PostAttachment>();

    public DbSet<PostReaction> Reactions => Set<PostReaction>();

    public DbSet<SupportTicket> Tickets => Set<SupportTicket>();

    public DbSet<ReadReceipt> Receipts => Set<ReadReceipt>();

    /// <summary>Gets or sets the tenant the "Tenant" query filters keep to; <see langword="null"/> sees every tenant.</summary>
    public string? CurrentTenant { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChatUser>().HasQueryFilter("Tenant", u => CurrentTenant == null || u.TenantId == CurrentTenant);
        modelBuilder.Entity<ChatPost>().HasQueryFilter("Tenant", p => CurrentTenant == null || p.TenantId == CurrentTenant);
        modelBuilder.Entity<PostAttachment>().HasQueryFilter("Tenant", a => CurrentTenant == null || a.TenantId == CurrentTenant);
        modelBuilder.Entity<PostReaction>().HasQueryFilter("Tenant", r => CurrentTenant == null || r.TenantId == CurrentTenant);
        modelBuilder.Entity<SupportTicket>().HasQueryFilter("Tenant", t => CurrentTenant == null || t.TenantId == CurrentTenant);
        modelBuilder.Entity<ReadReceipt>().HasQueryFilter("Tenant", r => CurrentTenant == null || r.TenantId == CurrentTenant);
        modelBuilder.Entity<ChatUser>().HasQueryFilter("SoftDelete", u => !u.IsDeleted);
        modelBuilder.Entity<ChatPost>().HasQueryFilter("SoftDelete", p => !p.IsDeleted);
        modelBuilder.Entity<ChatPost>().OwnsMany(p => p.Mentions, m => m.ToJson());
        modelBuilder.Entity<ChatPost>().HasOne(p => p.ReplyTo).WithMany().HasForeignKey(p => p.ReplyToId).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<ChatUser>().HasMany(u => u.Channels).WithMany(c => c.Members);
        modelBuilder.Entity<ChatPost>().HasOne(p => p.Author).WithMany().HasForeignKey(p => new { p.TenantId, p.AuthorId });
    }
}
