namespace GoSmart.Privacy;

/// <summary>One version of a purpose's notice (the text a subject agrees to).</summary>
/// <param name="Version">The version number, from 1, increasing.</param>
/// <param name="IsMaterial">Whether the change to this version is material: grants given under earlier versions stop counting and the subject must be asked again.</param>
/// <param name="TextReference">Where the text of this version is kept, e.g. <c>notices/marketing-email@v3</c>.</param>
public sealed record NoticeVersion(int Version, bool IsMaterial, string? TextReference = null);
