using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.Demo;

/// <summary>A member of a customer's community: the e-mail is crypto-shredded, so erasure reaches every copy of it.</summary>
public sealed class CommunityMember
{
    [NotPersonalData] public long Id { get; set; }

    [NotPersonalData] public string TenantId { get; set; } = "";

    [DataSubjectId] public string MemberId { get; set; } = "";

    [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";

    [PersonalField(DataCategories.ContactEmail)][CryptoShredded] public string? Email { get; set; }
}

/// <summary>A post in the community, kept 30 days after it was sent.</summary>
public sealed class CommunityPost
{
    [NotPersonalData] public long Id { get; set; }

    [NotPersonalData] public string TenantId { get; set; } = "";

    [DataSubjectId] public string AuthorId { get; set; } = "";

    [PersonalField(DataCategories.ContentMessage)] public string Text { get; set; } = "";

    [NotPersonalData(Reason = "when the post was sent: the anchor of its retention")] public DateTime SentAt { get; set; }
}

/// <summary>The community service's database.</summary>
public sealed class CommunityDbContext(DbContextOptions<CommunityDbContext> options) : DbContext(options)
{
    public DbSet<CommunityMember> Members => Set<CommunityMember>();

    public DbSet<CommunityPost> Posts => Set<CommunityPost>();
}
