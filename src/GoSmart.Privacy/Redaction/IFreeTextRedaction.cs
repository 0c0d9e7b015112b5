namespace GoSmart.Privacy;

/// <summary>
/// Builds the <see cref="IFreeTextRewriter"/>s of one request: the engine asks for one per erasure step and one per
/// access package, and plans apply it to <see cref="FreeTextAttribute"/> members of other people's records. The text
/// scanner's package registers one (<c>AddTextScanner</c>); without one, free text is redacted like any other member.
/// </summary>
public interface IFreeTextRedaction
{
    /// <summary>The rewriter erasure applies to other people's free text: the subject's mentions become a pseudonym.</summary>
    /// <param name="subject">The erased subject.</param>
    /// <param name="requestId">The request, so the pseudonym is the same throughout it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rewriter, or <see langword="null"/> when nothing identifies the subject in text.</returns>
    ValueTask<IFreeTextRewriter?> ForErasureAsync(SubjectRef subject, Guid requestId, CancellationToken cancellationToken);

    /// <summary>The rewriter an access package applies to other people's free text: third parties' data is masked, the subject's own kept.</summary>
    /// <param name="subject">The subject the package is for.</param>
    /// <param name="requestId">The request, so a masked person keeps one label throughout the package.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rewriter, or <see langword="null"/> to disclose other people's free text by its strategy.</returns>
    ValueTask<IFreeTextRewriter?> ForDisclosureAsync(SubjectRef subject, Guid requestId, CancellationToken cancellationToken);
}
