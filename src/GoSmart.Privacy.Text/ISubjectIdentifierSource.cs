namespace GoSmart.Privacy.Text;

/// <summary>
/// Tells the free-text redaction how a subject is written about: the host's user directory (display names, e-mail
/// addresses, phone numbers). Register one or more with <c>AddSubjectIdentifiers&lt;T&gt;()</c>; their answers are merged.
/// An erasure asks once per process, at its first step there — before any handler of that process has run — and keeps
/// the answer in memory for an hour; a process that restarts mid-request asks again, so answer from data that outlives
/// the request where you can (a step that finds nothing logs that other people's text was not searched).
/// </summary>
public interface ISubjectIdentifierSource
{
    /// <summary>Finds what identifies <paramref name="subject"/> in text.</summary>
    /// <param name="subject">The subject and tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identifiers, or <see langword="null"/> when the source does not know the subject.</returns>
    ValueTask<SubjectIdentifiers?> FindAsync(SubjectRef subject, CancellationToken cancellationToken);
}
