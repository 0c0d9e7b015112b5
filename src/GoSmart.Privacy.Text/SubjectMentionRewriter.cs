using System.Text;

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
        var findings = scanner.Scan(text, context);
        StringBuilder? result = null;
        var copied = 0;
        foreach (var finding in findings)
        {
            if (finding.Start < copied || !identity.IsSubject(text, finding))
            {
                continue; // overlaps a mention already replaced, or is not the subject
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, finding.Start - copied).Append(label);
            copied = finding.End;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
