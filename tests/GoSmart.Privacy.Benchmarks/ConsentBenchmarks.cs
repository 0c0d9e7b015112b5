using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using GoSmart.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// The consent check on a hot path: <c>HasConsent</c> on a warm cache against the floor, a bare
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> lookup of the same key; and a batch filter over 100,000 subjects.
/// </summary>
[MemoryDiagnoser]
public class ConsentBenchmarks
{
    private const string Purpose = "marketing.communications.email";
    private readonly ConcurrentDictionary<(SubjectRef, string), bool> _floor = new();
    private ServiceProvider _provider = null!;
    private IConsentService _consent = null!;
    private SubjectRef _subject = null!;
    private List<SubjectRef> _subjects = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(new byte[32]);
            o.Consent.Purposes.Add(new ConsentPurpose(Purpose, "Product news by e-mail.", LegalBasis.Consent));
        }).AddConsentLedger();
        _provider = services.BuildServiceProvider();
        _consent = _provider.GetRequiredService<IConsentService>();
        _subjects = [.. Enumerable.Range(0, 100_000).Select(i => new SubjectRef("acme", "subscriber-" + i))];
        for (var i = 0; i < _subjects.Count; i += 2)
        {
            await _consent.GrantAsync(new ConsentGrant(_subjects[i], Purpose, ConsentMethod.Form, "newsletter-form"));
        }

        _subject = new SubjectRef("acme", "subscriber-42"); // an equal, separately allocated key, as a caller would hold
        _floor[(_subjects[42], Purpose)] = true;
        _consent.HasConsent(_subject, Purpose); // warm
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public bool Floor_ConcurrentDictionaryLookup() => _floor.TryGetValue((_subject, Purpose), out var allowed) && allowed;

    [Benchmark]
    public bool HasConsent_WarmCache() => _consent.HasConsent(_subject, Purpose);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public async Task<int> FilterConsented_100000Subjects()
    {
        var count = 0;
        await foreach (var _ in _consent.FilterConsentedAsync(_subjects, Purpose))
        {
            count++;
        }

        return count;
    }
}
