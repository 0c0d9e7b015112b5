using System.Buffers;
using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// Export and erasure of a CRM contact and a chat message: the hand-written floor, the generated plan, the
/// reflection plan, and — for export — System.Text.Json's source generator and ASP.NET Core Identity's algorithm.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PlanBenchmarks
{
    private static readonly PropertyInfo[] IdentityProperties = typeof(BenchContact).GetProperties()
        .Where(p => Attribute.IsDefined(p, typeof(PersonalDataMarkerAttribute))).ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly IPersonalDataPlan<BenchContact> _generated = PersonalDataPlans.For<BenchContact>();
    private readonly IPersonalDataPlan<BenchContact> _reflection = PersonalDataPlans.ForReflection<BenchContact>();
    private readonly IPersonalDataPlan<BenchChatMessage> _chatGenerated = PersonalDataPlans.For<BenchChatMessage>();
    private readonly IPersonalDataPlan<BenchChatMessage> _chatReflection = PersonalDataPlans.ForReflection<BenchChatMessage>();
    private readonly RedactionContext _context = new(new byte[32]);
    private BenchContact _contact = BenchContact.Sample();
    private BenchChatMessage _chat = BenchChatMessage.Sample();
    private Utf8JsonWriter _writer = null!;
    private RedactionReport _generatedReport = null!;
    private RedactionReport _reflectionReport = null!;
    private RedactionReport _chatGeneratedReport = null!;
    private RedactionReport _chatReflectionReport = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (_generated.Source != PlanSource.Generated || _chatGenerated.Source != PlanSource.Generated)
        {
            throw new InvalidOperationException("The benchmark types must have generated plans: is the generator referenced as an analyzer?");
        }

        _writer = new Utf8JsonWriter(_buffer);
        _generatedReport = new RedactionReport(_generated);
        _reflectionReport = new RedactionReport(_reflection);
        _chatGeneratedReport = new RedactionReport(_chatGenerated);
        _chatReflectionReport = new RedactionReport(_chatReflection);
    }

    [BenchmarkCategory("Contact.WriteJson"), Benchmark(Baseline = true)]
    public void Contact_WriteJson_HandWritten()
    {
        Reset();
        HandWritten.WriteJson(_writer, _contact);
        _writer.Flush();
    }

    [BenchmarkCategory("Contact.WriteJson"), Benchmark]
    public void Contact_WriteJson_GeneratedPlan()
    {
        Reset();
        _generated.WriteJson(_writer, _contact);
        _writer.Flush();
    }

    [BenchmarkCategory("Contact.WriteJson"), Benchmark]
    public void Contact_WriteJson_ReflectionPlan()
    {
        Reset();
        _reflection.WriteJson(_writer, _contact);
        _writer.Flush();
    }

    [BenchmarkCategory("Contact.WriteJson"), Benchmark]
    public void Contact_WriteJson_SystemTextJsonSourceGen()
    {
        Reset();
        JsonSerializer.Serialize(_writer, _contact, BenchJsonContext.Default.BenchContact);
        _writer.Flush();
    }

    /// <summary>ASP.NET Core Identity's "download personal data": reflect tagged properties, ToString each into a dictionary, serialize.</summary>
    [BenchmarkCategory("Contact.WriteJson"), Benchmark]
    public void Contact_WriteJson_IdentityDownloadAlgorithm()
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

    [BenchmarkCategory("Contact.Redact"), Benchmark(Baseline = true)]
    public void Contact_Redact_HandWritten()
    {
        BenchContact.Restore(_contact);
        HandWritten.Redact(_contact, _generatedReport);
    }

    [BenchmarkCategory("Contact.Redact"), Benchmark]
    public void Contact_Redact_GeneratedPlan()
    {
        BenchContact.Restore(_contact);
        _generated.Redact(ref _contact, _context, _generatedReport);
    }

    [BenchmarkCategory("Contact.Redact"), Benchmark]
    public void Contact_Redact_ReflectionPlan()
    {
        BenchContact.Restore(_contact);
        _reflection.Redact(ref _contact, _context, _reflectionReport);
    }

    [BenchmarkCategory("Chat.WriteJson"), Benchmark(Baseline = true)]
    public void Chat_WriteJson_HandWritten()
    {
        Reset();
        HandWrittenChat.WriteJson(_writer, _chat);
        _writer.Flush();
    }

    [BenchmarkCategory("Chat.WriteJson"), Benchmark]
    public void Chat_WriteJson_GeneratedPlan()
    {
        Reset();
        _chatGenerated.WriteJson(_writer, _chat);
        _writer.Flush();
    }

    [BenchmarkCategory("Chat.WriteJson"), Benchmark]
    public void Chat_WriteJson_ReflectionPlan()
    {
        Reset();
        _chatReflection.WriteJson(_writer, _chat);
        _writer.Flush();
    }

    [BenchmarkCategory("Chat.Redact"), Benchmark(Baseline = true)]
    public void Chat_Redact_HandWritten()
    {
        BenchChatMessage.Restore(_chat);
        HandWrittenChat.Redact(_chat, _chatGeneratedReport);
    }

    [BenchmarkCategory("Chat.Redact"), Benchmark]
    public void Chat_Redact_GeneratedPlan()
    {
        BenchChatMessage.Restore(_chat);
        _chatGenerated.Redact(ref _chat, _context, _chatGeneratedReport);
    }

    [BenchmarkCategory("Chat.Redact"), Benchmark]
    public void Chat_Redact_ReflectionPlan()
    {
        BenchChatMessage.Restore(_chat);
        _chatReflection.Redact(ref _chat, _context, _chatReflectionReport);
    }

    private void Reset()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }
}
