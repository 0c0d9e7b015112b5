using System.Collections.Concurrent;

namespace GoSmart.Privacy;

/// <summary>
/// Answers, on a host's hot path, whether a subject's processing is restricted (Art. 18) and whether they
/// objected to a purpose (Art. 21). Answers are cached per subject and updated by every restriction, lift and
/// objection request this process handles.
/// </summary>
public interface IProcessingRestrictions
{
    /// <summary>Whether processing of <paramref name="subject"/>'s data is restricted: store it, do not use it.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns><see langword="true"/> when restricted.</returns>
    bool IsRestricted(SubjectRef subject);

    /// <summary>Whether <paramref name="subject"/> objected to processing for <paramref name="purpose"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">A purpose key, e.g. <see cref="ProcessingPurposes.MarketingCommunications"/>.</param>
    /// <returns><see langword="true"/> when they objected.</returns>
    bool HasObjected(SubjectRef subject, string purpose);
}
