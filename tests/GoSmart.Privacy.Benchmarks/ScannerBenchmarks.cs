using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using GoSmart.Privacy.Tests.Text.Evaluation;
using GoSmart.Privacy.Text;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// The free-text scanner at message speed: 10,000 typical chat messages (mostly without personal data, some with) scanned
/// by the full detector set, against a naive baseline — one compiled <see cref="Regex"/> per entity, run in sequence — and
/// one message with no finding (which must not allocate).
/// </summary>
[MemoryDiagnoser]
public partial class ScannerBenchmarks
{
    private readonly PersonalDataScanner _scanner = new();
    private readonly PersonalDataScanner _structured = new(new TextScannerOptions { UseBuiltInTopics = false });
    private readonly ScanContext _context = new() { Region = "GB" };
    private string[] _messages = null!;

    /// <summary>Gets the UTF-8 size of the messages, to turn a mean time into MB/s.</summary>
    public static long Bytes { get; private set; }

    private Regex _topics = null!;

    [GlobalSetup]
    public void Setup()
    {
        var words = PersonalDataScanner.BuiltIn().SelectMany(l => l.Words).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(w => w.EndsWith('*') ? Regex.Escape(w[..^1]) + @"\w*" : Regex.Escape(w));
        _topics = new Regex(@"\b(?:" + string.Join('|', words) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var faker = new Bogus.Faker("en") { Random = new Bogus.Randomizer(7) };
        var labelled = ScannerCorpus.Generated(seed: 7, count: 2_000).Select(l => l.Text).ToList();
        _messages = [.. Enumerable.Range(0, 10_000).Select(i => i % 5 == 0 ? labelled[i / 5 % labelled.Count] : faker.Rant.Review("product"))];
        Bytes = _messages.Sum(m => (long)Encoding.UTF8.GetByteCount(m));
        Console.WriteLine($"// {_messages.Length} messages, {Bytes:N0} bytes of UTF-8");
    }

    [Benchmark(Baseline = true, Description = "baseline: one Regex per structured entity (7), in sequence (10,000 messages)")]
    public int RegexPerStructuredEntity()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += Email().Count(message) + Phone().Count(message) + Card().Count(message) + Iban().Count(message) + Ssn().Count(message) + Ip().Count(message) + Url().Count(message);
        }

        return found;
    }

    /// <summary>
    /// The naive baseline for the same entity set the scanner covers (participants aside: these messages have none): the
    /// seven structured regexes, a date-of-birth regex, and one compiled, case-insensitive alternation of every built-in
    /// topic word of the four languages — the words are data, so it cannot be source-generated.
    /// </summary>
    [Benchmark(Description = "baseline: one Regex per entity (9, topics included), in sequence (10,000 messages)")]
    public int RegexPerEntity()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += Email().Count(message) + Phone().Count(message) + Card().Count(message) + Iban().Count(message) + Ssn().Count(message) + Ip().Count(message) + Url().Count(message)
                + BirthDate().Count(message) + _topics.Count(message);
        }

        return found;
    }

    [Benchmark(Description = "scanner, every detector (10,000 messages)")]
    public int Scanner()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += _scanner.Scan(message, _context).Count;
        }

        return found;
    }

    [Benchmark(Description = "scanner, structured detectors only: no topic words (10,000 messages)")]
    public int ScannerStructured()
    {
        var found = 0;
        foreach (var message in _messages)
        {
            found += _structured.Scan(message, _context).Count;
        }

        return found;
    }

    [Benchmark(Description = "scanner, one message without personal data")]
    public int NoFinding() => _scanner.Scan("see you at the usual place tomorrow, bring the slides and a coffee for the team", _context).Count;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d\s().-]{6,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:\d[ -]?){13,19}\b")]
    private static partial Regex Card();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")]
    private static partial Regex Iban();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b(?:\d{1,3}\.){3}\d{1,3}\b")]
    private static partial Regex Ip();

    [GeneratedRegex(@"https?://\S+\?\S*(?:user|email|uid|id|token)=\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:born|birth|dob|birthday|geboren|geburtstag|né|née|naissance|nacido|nacida|nacimiento)\b\W+(?:\w+\W+){0,3}?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}", RegexOptions.IgnoreCase)]
    private static partial Regex BirthDate();
}
