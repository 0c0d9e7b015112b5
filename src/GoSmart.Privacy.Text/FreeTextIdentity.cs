using GoSmart.Privacy.Text.Detectors;

namespace GoSmart.Privacy.Text;

/// <summary>
/// One subject's identifiers, ready to recognise in findings: e-mail addresses ignoring case, phone numbers by country
/// code and national number (however they are written), names through the scanner's participant index.
/// </summary>
internal sealed class FreeTextIdentity
{
    private readonly HashSet<string> _emails;
    private readonly HashSet<string> _phones;
    private readonly string _region;

    public FreeTextIdentity(SubjectIdentifiers identifiers, string region)
    {
        _region = region;
        Names = [.. identifiers.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        _emails = identifiers.EmailAddresses.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _phones = identifiers.PhoneNumbers.Select(p => PhoneDetector.Key(p, region)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        SearchTerms = [.. Terms(identifiers).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the names, as the scan's participants: a <see cref="TextEntityType.Participant"/> finding is one of them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets lower-case strings of which a text mentioning the subject contains one (see <see cref="IFreeTextRewriter.SearchTerms"/>).</summary>
    public IReadOnlyList<string> SearchTerms { get; }

    /// <summary>Gets whether nothing identifies the subject.</summary>
    public bool IsEmpty => Names.Count == 0 && _emails.Count == 0 && _phones.Count == 0;

    /// <summary>
    /// Whether <paramref name="finding"/> is the subject: their e-mail address or phone number, their full name, or one of
    /// their names written as a name (capitalised, or in a text with no capitals at all: "will" the verb is not Will).
    /// </summary>
    public bool IsSubject(string text, TextFinding finding) => finding.Type switch
    {
        TextEntityType.Email => _emails.Contains(text.Substring(finding.Start, finding.Length)),
        TextEntityType.Phone => PhoneDetector.Key(text.Substring(finding.Start, finding.Length), _region) is { } key && _phones.Contains(key),
        TextEntityType.Participant => finding.Confidence >= 0.9 || char.IsUpper(text[finding.Start]) || !text.Any(char.IsUpper),
        _ => false,
    };

    private static IEnumerable<string> Terms(SubjectIdentifiers identifiers)
    {
        foreach (var email in identifiers.EmailAddresses.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            yield return email.Trim().ToLowerInvariant();
        }

        foreach (var name in identifiers.Names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 3).ToList();
            foreach (var term in parts.Count > 0 ? parts : [name.Trim()])
            {
                yield return term.ToLowerInvariant();
            }
        }

        foreach (var phone in identifiers.PhoneNumbers.Where(p => p is not null))
        {
            // the last four digits: most formats write them together (a number split inside them is found only through another term)
            var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
            if (digits.Length >= 4)
            {
                yield return digits[^4..];
            }
        }
    }
}
