using GoSmart.Privacy;

namespace GoSmart.Chat.Sample;

/// <summary>A chat message: the author's words, attachments' metadata and other people's reactions.</summary>
public sealed class Message
{
    [NotPersonalData] public string Id { get; set; } = "";
    [NotPersonalData(Reason = "the tenant key")] public string TenantId { get; set; } = "";
    [NotPersonalData] public string ConversationId { get; set; } = "";
    [DataSubjectId] public string AuthorId { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage)] public string Text { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)] public DateTimeOffset SentAt { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public List<Reaction> Reactions { get; set; } = [];
}

/// <summary>An attachment's metadata (the file itself lives in storage).</summary>
public sealed class Attachment
{
    [PersonalField(DataCategories.ContentMessage)] public string FileName { get; set; } = "";
    [NotPersonalData] public long SizeBytes { get; set; }
}

/// <summary>Someone's reaction: their own record inside the author's message.</summary>
public sealed class Reaction
{
    [DataSubjectId] public string UserId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string DisplayName { get; set; } = "";
    [NotPersonalData] public string Emoji { get; set; } = "";
}
