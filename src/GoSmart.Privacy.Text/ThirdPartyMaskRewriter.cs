namespace GoSmart.Privacy.Text;

/// <summary>
/// The access package's rewriter (Art. 15(4)): in other people's text shown to the subject, third parties' contact
/// details, card and bank numbers, SSNs, IP addresses, identifying links and dates of birth are masked — each distinct
/// value with one numbered label throughout the package (<c>[email-2]</c>) — and the subject's own are kept.
/// </summary>
internal sealed class ThirdPartyMaskRewriter(IPersonalDataScanner scanner, FreeTextIdentity identity, ScanContext context) : IFreeTextRewriter
{
    private const int MaxNumbered = 10_000; // distinct values numbered per package; later ones get the bare label, so memory stays bounded
    private readonly Dictionary<(TextEntityType, string), int> _numbers = [];
    private readonly Dictionary<TextEntityType, int> _next = [];

    public IReadOnlyList<string> SearchTerms => [];

    public string Rewrite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindingReplacement.Replace(text, scanner.Scan(text, context), this, static (self, t, f) => self.Mask(t, f));
    }

    /// <summary>The label a finding is masked with, or <see langword="null"/> when it stays (not masked, or the subject's own).</summary>
    private string? Mask(string text, TextFinding finding)
    {
        if (Label(finding.Type) is not { } label || identity.IsSubject(text, finding))
        {
            return null; // a name, a topic, or the subject's own
        }

        return finding.Type != TextEntityType.DateOfBirth && Number(finding.Type, text.Substring(finding.Start, finding.Length)) is { } n
            ? "[" + label + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"
            : "[" + label + "]";
    }

    private static string? Label(TextEntityType type) => type switch
    {
        TextEntityType.Email => "email",
        TextEntityType.Phone => "phone",
        TextEntityType.PaymentCard => "card",
        TextEntityType.Iban => "iban",
        TextEntityType.UsSocialSecurityNumber => "ssn",
        TextEntityType.IpAddress => "ip",
        TextEntityType.IdentifyingUrl => "link",
        TextEntityType.DateOfBirth => "date of birth",
        _ => null, // names need the conversation's participants, and a topic word may be about the subject: both stay
    };

    private int? Number(TextEntityType type, string value)
    {
        var key = (type, type is TextEntityType.Email or TextEntityType.IdentifyingUrl ? value.ToLowerInvariant() : new string([.. value.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant());
        lock (_numbers)
        {
            if (_numbers.TryGetValue(key, out var n))
            {
                return n;
            }

            if (_numbers.Count >= MaxNumbered)
            {
                return null;
            }

            n = _next[type] = _next.GetValueOrDefault(type) + 1;
            _numbers[key] = n;
            return n;
        }
    }
}
