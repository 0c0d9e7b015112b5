namespace GoSmart.Privacy.Records;

/// <summary>Something the records show missing or contradicting.</summary>
/// <param name="Kind">What kind of gap.</param>
/// <param name="Subject">What it is about: a category key, a purpose key or a type name.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RecordsGap(RecordsGapKind Kind, string Subject, string Message);
