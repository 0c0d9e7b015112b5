namespace GoSmart.Privacy;

/// <summary>
/// Rewrites one <see cref="FreeTextAttribute"/> text of someone else's record: for an erasure, it replaces the erased
/// subject's name, e-mail address and phone number with a pseudonym (<c>[user-1]</c>); for an access package, it masks
/// third parties' data. Built per request by an <see cref="IFreeTextRedaction"/>; used by plans through
/// <see cref="RedactionContext.WithFreeText"/>. Implementations are safe to call from several threads.
/// </summary>
public interface IFreeTextRewriter
{
    /// <summary>
    /// Gets strings of which a text must contain at least one, ignoring case, for <see cref="Rewrite"/> to change it —
    /// what a handler searches its database for to find other people's records that mention the subject — or an empty
    /// list when any text may change (a disclosure).
    /// </summary>
    IReadOnlyList<string> SearchTerms { get; }

    /// <summary>Rewrites a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The rewritten text, or <paramref name="text"/> itself (the same instance) when nothing in it changes.</returns>
    string Rewrite(string text);
}
