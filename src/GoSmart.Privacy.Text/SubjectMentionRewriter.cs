namespace GoSmart.Privacy.Text;

/// <summary>
/// Erasure's rewriter: in someone else's text, every mention of the erased subject — their e-mail address, phone
/// number, name — becomes one label for the whole request (<see cref="TextScannerOptions.ErasedSubjectLabel"/>).
/// </summary>
internal sealed class SubjectMentionRewriter(IPersonalDataScanner scanner, FreeTextIdentity identity, ScanContext context, string label) : IFreeTextRewriter
{
    public IReadOnlyList<string> SearchTerms => identity.SearchTerms;

    public string Rewrite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindingReplacement.Replace(text, scanner.Scan(text, context), (identity, label), static (s, t, f) => s.identity.IsSubject(t, f) ? s.label : null);
    }
}
