using System.ComponentModel.DataAnnotations.Schema;

namespace GoSmart.Privacy.Tests.Models.MattermostEntities;

// Mattermost's tables (server/channels/store/sqlstore) mapped as EF Core entities with navigations both ways:
// each navigation is another row, often another person's. Plans must stop at them.

/// <summary>A team.</summary>
public sealed class Team
{
    [NotPersonalData] public string Id { get; set; } = "";
    [NotPersonalData] public string DisplayName { get; set; } = "";
    public List<Channel> Channels { get; set; } = [];
    public List<TeamMember> Members { get; set; } = [];
}

/// <summary>A channel: tags nothing of its own.</summary>
public sealed class Channel
{
    public string Id { get; set; } = "";
    public string TeamId { get; set; } = "";
    public Team? Team { get; set; }
    public string Name { get; set; } = "";
    public string CreatorId { get; set; } = "";
    public User? Creator { get; set; }
    public List<Post> Posts { get; set; } = [];
}

/// <summary>A user.</summary>
public sealed class User
{
    [DataSubjectId] public string Id { get; set; } = "";
    [PersonalField(DataCategories.AccountUsername)] public string Username { get; set; } = "";
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string Email { get; set; } = "";
    [PersonalField(DataCategories.FirstName)] public string? FirstName { get; set; }
    public UserProps Props { get; set; } = new();
    public List<Post> Posts { get; set; } = [];
    public List<Reaction> Reactions { get; set; } = [];
    public List<TeamMember> Teams { get; set; } = [];
}

/// <summary>A user's settings, stored with the user (a part, not a navigation).</summary>
public sealed class UserProps
{
    [PersonalField(DataCategories.AccountSettings)] public string? Timezone { get; set; }
}

/// <summary>A team membership.</summary>
public sealed class TeamMember
{
    [NotPersonalData] public string TeamId { get; set; } = "";
    public Team? Team { get; set; }
    [DataSubjectId] public string UserId { get; set; } = "";
    public User? User { get; set; }
    [PersonalField(DataCategories.AccountStatus)] public string Roles { get; set; } = "";
}

/// <summary>A post.</summary>
public sealed class Post
{
    [NotPersonalData] public string Id { get; set; } = "";
    [DataSubjectId] public string UserId { get; set; } = "";
    public User? User { get; set; }
    [NotPersonalData] public string ChannelId { get; set; } = "";
    public Channel? Channel { get; set; }
    [PersonalField(DataCategories.ContentMessage)] public string Message { get; set; } = "";
    [NotPersonalData] public string? RootId { get; set; }
    [ForeignKey(nameof(RootId))] public Post? Root { get; set; }
    public List<Reaction> Reactions { get; set; } = [];
}

/// <summary>A reaction: keyed by user, post and emoji.</summary>
public sealed class Reaction
{
    [DataSubjectId] public string UserId { get; set; } = "";
    public User? User { get; set; }
    [NotPersonalData] public string PostId { get; set; } = "";
    public Post? Post { get; set; }
    [NotPersonalData] public string EmojiName { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage)] public long CreateAt { get; set; }
}
