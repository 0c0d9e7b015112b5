using System.ComponentModel;

namespace GoSmart.Privacy.GeneratedCode;

/// <summary>
/// How plans treat a <see cref="FreeTextAttribute"/> member of someone else's part, in one place for generated and
/// reflection plans. Plans call these; application code rarely needs to.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FreeTextRedaction
{
    /// <summary>
    /// The text erasure leaves in someone else's free-text member: the erased subject's mentions replaced and counted
    /// (<see cref="RedactionReport.RecordRewritten"/>). A member the plan retains keeps its text — its exemption covers the
    /// record — and a mention found in it is counted as retained. The caller writes a changed text back, or reports
    /// that it cannot (<see cref="RedactionReport.RecordNotWritable"/>).
    /// </summary>
    /// <param name="current">The member's text.</param>
    /// <param name="rewriter">The request's rewriter (<see cref="RedactionContext.ErasureFreeText"/>).</param>
    /// <param name="report">The report.</param>
    /// <param name="memberIndex">The member's index in the plan.</param>
    /// <param name="retained">Whether the plan retains the member.</param>
    /// <returns>The text to write back, or <paramref name="current"/> itself when nothing changes.</returns>
    public static string InOthersPart(string current, IFreeTextRewriter rewriter, RedactionReport report, int memberIndex, bool retained)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rewriter);
        ArgumentNullException.ThrowIfNull(report);
        var rewritten = rewriter.Rewrite(current);
        if (ReferenceEquals(rewritten, current) || string.Equals(rewritten, current, StringComparison.Ordinal))
        {
            return current;
        }

        if (retained)
        {
            report.Record(memberIndex);
            return current;
        }

        report.RecordRewritten(memberIndex);
        return rewritten;
    }
}
