using Microsoft.Extensions.Compliance.Redaction;

namespace GoSmart.Privacy.Text;

/// <summary>
/// Redacts personal data inside free-text log values: each finding of the scanner becomes its type in brackets
/// (<c>call me on [Phone]</c>, <c>I'm on [Health] this week</c>) and the rest of the text stays readable. Register it for
/// <see cref="PrivacyClassifications.FreeText"/>:
/// <c>services.AddRedaction(r =&gt; r.SetRedactor&lt;FreeTextRedactor&gt;(new DataClassificationSet(PrivacyClassifications.FreeText)))</c>,
/// and classify the log parameters that carry free text with a <c>DataClassificationAttribute</c> of that classification.
/// </summary>
/// <param name="scanner">The scanner.</param>
public sealed class FreeTextRedactor(IPersonalDataScanner scanner) : Redactor
{
    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input)
    {
        if (input.IsEmpty)
        {
            return 0;
        }

        var text = input.ToString();
        var length = text.Length;
        var at = 0;
        foreach (var finding in scanner.Scan(text))
        {
            if (finding.Start < at)
            {
                continue; // inside an earlier finding
            }

            length += Label(finding).Length - finding.Length;
            at = finding.End;
        }

        return length;
    }

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        var text = source.ToString();
        var written = 0;
        var at = 0;
        foreach (var finding in scanner.Scan(text))
        {
            if (finding.Start < at)
            {
                continue;
            }

            source[at..finding.Start].CopyTo(destination[written..]);
            written += finding.Start - at;
            var label = Label(finding);
            label.AsSpan().CopyTo(destination[written..]);
            written += label.Length;
            at = finding.End;
        }

        source[at..].CopyTo(destination[written..]);
        return written + source.Length - at;
    }

    private static string Label(TextFinding finding) => "[" + (finding.Category?.ToString() ?? finding.Type.ToString()) + "]";
}
