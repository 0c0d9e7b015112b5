using System.Text;

namespace GoSmart.Privacy.Text;

/// <summary>Rewrites a text by replacing findings, in text order, skipping any that overlap one already replaced.</summary>
internal static class FindingReplacement
{
    /// <summary>The text with each finding <paramref name="replacement"/> gives a value for replaced by it, or the text itself when none.</summary>
    /// <typeparam name="TState">What the replacement needs (passed to a static lambda: nothing captured).</typeparam>
    public static string Replace<TState>(string text, IReadOnlyList<TextFinding> findings, TState state, Func<TState, string, TextFinding, string?> replacement)
    {
        StringBuilder? result = null;
        var copied = 0;
        foreach (var finding in findings)
        {
            if (finding.Start < copied || replacement(state, text, finding) is not { } value)
            {
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, finding.Start - copied).Append(value);
            copied = finding.End;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }
}
