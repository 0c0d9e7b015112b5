namespace GoSmart.Privacy.Tests.Models;

public sealed record Participant(
    [property: DataSubjectId] string UserId,
    [property: PersonalField(DataCategories.Name)] string DisplayName);

/// <summary>A chat message: a positional record with tags on constructor parameters, init-only members and an array.</summary>
public sealed record ChatMessage(
    [DataSubjectId] string AuthorId,
    [PersonalField(DataCategories.ContentMessage)] string Text)
{
    [NotPersonalData]
    public Guid MessageId { get; init; }

    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)]
    public DateTime SentAt { get; init; }

    [PersonalField(DataCategories.ContentMessage)]
    public string[]? AttachmentNames { get; init; }

    public Participant[] Mentions { get; init; } = [];
}
