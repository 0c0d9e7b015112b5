using System.Buffers;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>Export and erasure of one CRM contact: the hand-written floor, the reflection plan, and the alternatives.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PlanBenchmarks
{
    private static readonly PropertyInfo[] IdentityProperties = typeof(BenchContact).GetProperties()
        .Where(p => Attribute.IsDefined(p, typeof(PersonalDataMarkerAttribute))).ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly IPersonalDataPlan<BenchContact> _reflection = PersonalDataPlan.ForReflection<BenchContact>();
    private readonly RedactionContext _context = new(new byte[32]);
    private BenchContact _contact = BenchContact.Sample();
    private Utf8JsonWriter _writer = null!;
    private RedactionReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _report = new RedactionReport(_reflection);
    }

    [BenchmarkCategory("WriteJson"), Benchmark(Baseline = true)]
    public void WriteJson_HandWritten()
    {
        Reset();
        HandWritten.WriteJson(_writer, _contact);
        _writer.Flush();
    }

    [BenchmarkCategory("WriteJson"), Benchmark]
    public void WriteJson_ReflectionPlan()
    {
        Reset();
        _reflection.WriteJson(_writer, _contact);
        _writer.Flush();
    }

    [BenchmarkCategory("WriteJson"), Benchmark]
    public void WriteJson_SystemTextJsonSourceGen()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _contact, BenchJsonContext.Default.BenchContact);
        _writer.Flush();
    }

    /// <summary>ASP.NET Core Identity's "download personal data": reflect tagged properties, ToString each into a dictionary, serialize.</summary>
    [BenchmarkCategory("WriteJson"), Benchmark]
    public void WriteJson_IdentityDownloadAlgorithm()
    {
        Reset();
        var data = new Dictionary<string, string>();
        foreach (var p in IdentityProperties)
        {
            data.Add(p.Name, p.GetValue(_contact)?.ToString() ?? "null");
        }

        JsonSerializer.Serialize(_writer, data, BenchJsonContext.Default.DictionaryStringString);
        _writer.Flush();
    }

    [BenchmarkCategory("Redact"), Benchmark(Baseline = true)]
    public void Redact_HandWritten()
    {
        Restore();
        HandWritten.Redact(_contact);
    }

    [BenchmarkCategory("Redact"), Benchmark]
    public void Redact_ReflectionPlan()
    {
        Restore();
        _reflection.Redact(ref _contact, _context, _report);
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    /// <summary>Puts the values back so each erasure does the full work; the same cost in every Redact benchmark.</summary>
    private void Restore()
    {
        var c = _contact;
        c.FirstName = "Ada";
        c.LastName = "Lovelace";
        c.Email = "ada@example.com";
        c.Title = "Analyst";
        c.Company = "Analytical Engines Ltd";
        c.BirthDate = new DateTime(1815, 12, 10);
        c.Age = 36;
        c.CardLastFour = "4242";
        c.LifetimeValue = 1299.50m;
        c.LastSeen = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero);
        c.Language = "en-GB";
        c.Country = "UK";
        c.HealthNote = "prefers large print";
        c.Address!.Street = "12 St James's Square";
        c.Address.City = "London";
        c.Phones[0].Number = "+44 20 7946 0018";
        c.Phones[1].Number = "+44 7700 900123";
    }
}
