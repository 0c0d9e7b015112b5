namespace GoSmart.Privacy.Storage;

/// <summary>One entry of the consent projection: the event a (subject, purpose) check reads as current.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Purpose">The purpose key.</param>
/// <param name="Sequence">The sequence of the event it points at.</param>
public sealed record ConsentProjectionEntry(SubjectRef Subject, string Purpose, long Sequence);
