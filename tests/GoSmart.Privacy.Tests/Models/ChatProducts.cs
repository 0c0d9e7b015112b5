namespace GoSmart.Privacy.Tests.Models.ChatProducts;

// Shapes of real chat products' records, as a .NET host would map them.

/// <summary>Mattermost's post (server/public/model/post.go): the author's id at the top, other people's reactions and acknowledgements in its metadata.</summary>
public sealed class MattermostPost
{
    [NotPersonalData] public string Id { get; set; } = "";
    [DataSubjectId] public string UserId { get; set; } = "";
    [NotPersonalData] public string ChannelId { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage), FreeText] public string Message { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize, BucketSize = 86_400_000)] public long CreateAt { get; set; }
    public MattermostPostMetadata? Metadata { get; set; }
}

/// <summary>Mattermost's post metadata.</summary>
public sealed class MattermostPostMetadata
{
    public List<MattermostReaction> Reactions { get; set; } = [];
    public List<MattermostAcknowledgement> Acknowledgements { get; set; } = [];
}

/// <summary>Mattermost's reaction: the reacting user's own record inside the author's post.</summary>
public sealed class MattermostReaction
{
    [DataSubjectId] public string UserId { get; set; } = "";
    [NotPersonalData] public string EmojiName { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage)] public long CreateAt { get; set; }
}

/// <summary>Mattermost's acknowledgement of a post: a read receipt.</summary>
public sealed class MattermostAcknowledgement
{
    [DataSubjectId] public string UserId { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage)] public long AcknowledgedAt { get; set; }
}

/// <summary>Rocket.Chat's message (IMessage): no subject id of its own — the author is the nested <c>u</c>.</summary>
public sealed class RocketChatMessage
{
    [NotPersonalData] public string Id { get; set; } = "";
    [NotPersonalData] public string Rid { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage), FreeText] public string Msg { get; set; } = "";
    public RocketChatUser U { get; set; } = new();
    public List<RocketChatUser> Mentions { get; set; } = [];
    public List<RocketChatQuote> Quotes { get; set; } = [];
}

/// <summary>Rocket.Chat's user reference (<c>{ _id, username, name }</c>).</summary>
public sealed class RocketChatUser
{
    [DataSubjectId] public string Id { get; set; } = "";
    [PersonalField(DataCategories.AccountUsername)] public string Username { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string? Name { get; set; }
}

/// <summary>A quoted reply: another person's words, owned by the quoted author.</summary>
public sealed class RocketChatQuote
{
    public RocketChatUser Author { get; set; } = new();
    [PersonalField(DataCategories.ContentMessage), FreeText] public string Text { get; set; } = "";
}

/// <summary>
/// A message kept for a legal claim (Slack's and Teams' retention holds): its text is retained under the exemption, so
/// the erased subject's mentions in it are kept and reported as retained, not rewritten; its edit history is free text
/// that cannot be written back (a computed view), so a mention there is reported as not writable.
/// </summary>
public sealed class ArchivedChatMessage
{
    [DataSubjectId] public string AuthorId { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims), FreeText] public string Text { get; set; } = "";
#pragma warning disable GSP006 // the point of the shape: a free text nothing can write back
    [PersonalField(DataCategories.ContentMessage), FreeText] public string? LastEdit => Edits.Count == 0 ? null : Edits[^1];
#pragma warning restore GSP006
    [NotPersonalData] public List<string> Edits { get; set; } = [];
    public List<RocketChatQuote> Quotes { get; set; } = [];
}
