namespace GoSmart.Privacy;

/// <summary>One right of the data subject, as every access package and receipt states it.</summary>
/// <param name="Article">The GDPR article.</param>
/// <param name="Name">The right's name.</param>
/// <param name="Description">What it means, in plain words.</param>
public sealed record SubjectRight(string Article, string Name, string Description);
