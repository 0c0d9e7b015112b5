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
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : Redacted(input).Length;

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        var redacted = Redacted(source);
        redacted.AsSpan().CopyTo(destination);
        return redacted.Length;
    }

    private string Redacted(ReadOnlySpan<char> input)
    {
        var text = input.ToString();
        return FindingReplacement.Replace(text, scanner.Scan(text), 0, static (_, _, finding) => Label(finding));
    }

    private static string Label(TextFinding finding) => "[" + (finding.Category?.ToString() ?? finding.Type.ToString()) + "]";
}
