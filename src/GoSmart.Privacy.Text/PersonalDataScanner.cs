using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GoSmart.Privacy.Text.Detectors;

namespace GoSmart.Privacy.Text;

/// <summary>
/// The scanner: every detector over one text, in-process. Structured entities are found by hand-written, linear span
/// scanners with their checksums (Luhn, mod-97, SSN rules) — no regular expression, so no input can make one backtrack —
/// phone numbers by libphonenumber, participants and Art. 9/10 topics by whole-word lookups in folded (lower-case,
/// diacritic-free) word indexes. A text with no finding allocates nothing.
/// </summary>
public sealed class PersonalDataScanner : IPersonalDataScanner
{
    private static readonly string[] BuiltInLanguages = ["en", "de", "fr", "es"];

    // SearchValues, not IndexOfAnyInRange: on this runtime (10.0.12, AVX-512) the range search allocated 96 bytes a call.
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");
    private readonly WordIndex<(SpecialCategory Category, string Language)> _topics = new();
    private readonly ConditionalWeakTable<IReadOnlyList<string>, WordIndex<(int Participant, double Confidence)>> _participants = [];
    private readonly string _region;

    /// <summary>Builds a scanner; a broken configuration is refused here, naming the fix.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    /// <exception cref="PrivacyException">The default region is unknown, or a word list is empty, has no language, or repeats another's language and category.</exception>
    public PersonalDataScanner(TextScannerOptions? options = null)
    {
        options ??= new TextScannerOptions();
        var problems = Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new PrivacyException("The text scanner's options are broken: " + string.Join(" ", problems));
        }

        _region = options.DefaultRegion.ToUpperInvariant();
        foreach (var list in (options.UseBuiltInTopics ? BuiltIn() : []).Concat(options.Topics))
        {
            foreach (var word in list.Words)
            {
                _topics.Add(word, (list.Category, list.Language));
            }
        }
    }

    /// <summary>Gets the built-in topic words: English, German, French and Spanish, one list per special category.</summary>
    /// <returns>The lists.</returns>
    public static IReadOnlyList<TopicWords> BuiltIn() => [.. BuiltInLanguages.SelectMany(Load)];

    /// <inheritdoc />
    public IReadOnlyList<TextFinding> Scan(string? text, ScanContext? context = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var findings = new Findings();
        var span = text.AsSpan();
        if (span.Contains('@'))
        {
            EmailDetector.Find(span, ref findings);
        }

        if (span.Contains(':') || span.Contains('.'))
        {
            UrlDetector.Find(span, ref findings);
        }

        if (span.ContainsAny(Digits))
        {
            // every number-shaped detector needs a digit; most chat messages have none (a vectorized check)
            IbanDetector.Find(span, ref findings);
            PaymentCardDetector.Find(span, ref findings);
            SocialSecurityDetector.Find(span, ref findings);
            IpAddressDetector.Find(span, ref findings);
            PhoneDetector.Find(text, context?.Region, _region, ref findings);
            BirthDateDetector.Find(span, ref findings);
        }
        else if (span.Contains(':'))
        {
            IpAddressDetector.Find(span, ref findings); // an IPv6 address may be letters and colons only
        }
        if (context?.Participants is { Count: > 0 } participants)
        {
            _participants.GetValue(participants, Index).Find(span, ref findings, static (start, length, p) => new TextFinding(TextEntityType.Participant, start, length, p.Confidence) { Participant = p.Participant });
            findings.DropInside(TextEntityType.Participant, TextEntityType.Email, TextEntityType.IdentifyingUrl); // a name in an address is the address
        }

        _topics.Find(span, ref findings, static (start, length, t) => new TextFinding(TextEntityType.SpecialCategory, start, length, 0.7) { Category = t.Category, Language = t.Language });
        var sorted = findings.Sorted();
        ScannerMetrics.Record(sorted);
        return sorted;
    }

    /// <summary>Each participant's full name (sure) and each of its names of three letters or more (less sure).</summary>
    private static WordIndex<(int, double)> Index(IReadOnlyList<string> participants)
    {
        var index = new WordIndex<(int, double)>();
        for (var p = 0; p < participants.Count; p++)
        {
            if (string.IsNullOrWhiteSpace(participants[p]))
            {
                continue;
            }

            index.Add(participants[p], (p, 0.9));
            foreach (var name in participants[p].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length >= 3 && !n.EndsWith('*')))
            {
                index.Add(name, (p, 0.7));
            }
        }

        return index;
    }

    private static IEnumerable<string> Problems(TextScannerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DefaultRegion) || !PhoneDetector.IsRegion(options.DefaultRegion))
        {
            yield return $"DefaultRegion '{options.DefaultRegion}' is not a region libphonenumber knows: use a two-letter code such as US, GB, DE, FR or ES.";
        }

        if (string.IsNullOrWhiteSpace(options.ErasedSubjectLabel))
        {
            yield return "ErasedSubjectLabel is empty: erasure would delete the erased subject's mentions from other people's text without a trace. Keep the default \"[user-1]\" or set a visible label.";
        }

        var seen = new HashSet<(string, SpecialCategory)>();
        foreach (var list in options.Topics)
        {
            if (list is null || string.IsNullOrWhiteSpace(list.Language) || list.Language.Length is < 2 or > 8)
            {
                yield return "A topic word list has no language: set Language to its code, e.g. \"it\".";
                continue;
            }

            if (!Enum.IsDefined(list.Category))
            {
                yield return $"The '{list.Language}' word list has category {(int)list.Category}, which is not a SpecialCategory.";
            }
            else if (!seen.Add((list.Language.ToLowerInvariant(), list.Category)))
            {
                yield return $"Two '{list.Language}' word lists are for {list.Category}: merge them into one.";
            }

            if (list.Words is null || list.Words.All(w => string.IsNullOrWhiteSpace(w) || w.Trim() == "*"))
            {
                yield return $"The '{list.Language}' word list for {list.Category} has no words: add some, or remove the list.";
            }
        }
    }

    private static IEnumerable<TopicWords> Load(string language)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"GoSmart.Privacy.Text.Topics.{language}.json")
            ?? throw new PrivacyException($"The built-in '{language}' topic words are missing from GoSmart.Privacy.Text: reinstall the package.");
        using var document = JsonDocument.Parse(stream);
        foreach (var category in document.RootElement.GetProperty("categories").EnumerateObject())
        {
            yield return new TopicWords(language, Enum.Parse<SpecialCategory>(category.Name), [.. category.Value.EnumerateArray().Select(w => w.GetString()!)]);
        }
    }
}
