using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A <see cref="FreeTextAttribute"/> string member: how erasure rewrites it in someone else's part, as a generated plan does.</summary>
internal sealed class FreeTextMember(Func<object, string?> get, Action<object, string>? set, int index, bool retained)
{
    public void Rewrite(object owner, IFreeTextRewriter rewriter, RedactionReport report)
    {
        var current = get(owner);
        if (current is null)
        {
            return;
        }

        var rewritten = FreeTextRedaction.InOthersPart(current, rewriter, report, index, retained);
        if (ReferenceEquals(rewritten, current))
        {
            return;
        }

        if (set is null)
        {
            report.RecordNotWritable(index);
        }
        else
        {
            set(owner, rewritten);
        }
    }
}
