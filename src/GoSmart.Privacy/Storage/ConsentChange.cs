namespace GoSmart.Privacy.Storage;

/// <summary>A (subject, purpose) whose consent state changed.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Purpose">The purpose key.</param>
public sealed record ConsentChange(SubjectRef Subject, string Purpose);
