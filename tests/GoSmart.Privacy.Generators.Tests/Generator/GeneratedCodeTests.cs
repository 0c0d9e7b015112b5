using System.Reflection;
using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Generators.Tests.Generator;

/// <summary>Compiles host code with the generator, loads it and runs the generated plans against reflection plans.</summary>
public class GeneratedCodeTests
{
    private static readonly Lazy<(Assembly Assembly, List<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, List<string> HintNames)> Host = new(() =>
    {
        var (output, diagnostics, run) = GeneratorHarness.Generate(GeneratorHarness.Source("GeneratedShapes.cs"));
        return (GeneratorHarness.Load(output), diagnostics.ToList(), run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList());
    });

    private static readonly RedactionContext Context = new(Convert.FromBase64String("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="));

    [Fact]
    public void Every_tagged_and_reached_type_gets_a_generated_plan_and_the_rest_a_reflection_plan()
    {
        var sources = Samples().ToDictionary(s => s.Plan.Name, s => PersonalDataPlans.For(s.Plan).Source);

        Assert.Equal(PlanSource.Generated, sources["Customer"]);
        Assert.Equal(PlanSource.Generated, sources["Coordinates"]);
        Assert.Equal(PlanSource.Generated, sources["Visit"]);
        Assert.Equal(PlanSource.Generated, sources["IHasEmail"]);
        Assert.Equal(PlanSource.Generated, sources["Inner"]);
        Assert.Equal(PlanSource.Generated, sources["Wrapper"]);
        Assert.Equal(PlanSource.Generated, sources["GlobalNamespaceType"]);
        Assert.Equal(PlanSource.Reflection, sources["Envelope`1"]);
        Assert.Equal(PlanSource.Reflection, sources["Hidden"]);
        Assert.Contains("GoSmartPrivacyPlans.g.cs", Host.Value.HintNames);
    }

    [Fact]
    public void The_generator_says_why_a_type_gets_a_reflection_plan_exactly_there()
    {
        var source = GeneratorHarness.Source("GeneratedShapes.cs");
        var infos = Host.Value.Diagnostics
            .Select(d => (d.Id, d.Severity, At: source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), Line: d.Location.GetLineSpan().StartLinePosition.Line, Message: d.GetMessage()))
            .OrderBy(d => d.At, StringComparer.Ordinal).ToList();

        Assert.Equal([("GSP100", "Envelope"), ("GSP100", "Hidden")], infos.Select(d => (d.Id, d.At)));
        Assert.All(infos, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(source[..source.IndexOf("class Envelope<T>", StringComparison.Ordinal)].Count(c => c == '\n'), infos[0].Line);
        Assert.Contains("it is generic", infos[0].Message, StringComparison.Ordinal);
        Assert.Contains("cannot name it", infos[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_plans_list_the_reflection_plans_members_and_export_the_same_bytes()
    {
        foreach (var (type, value) in Samples())
        {
            var generated = PersonalDataPlans.For(type);
            var reflection = PersonalDataPlans.ForReflection(type);
            Assert.Equal(reflection.Members, generated.Members);
            Assert.Equal(reflection.SubjectIdPath, generated.SubjectIdPath);
            Assert.Equal(reflection.GetSubjectId(value), generated.GetSubjectId(value));
            Assert.Equal(Export(reflection, value), Export(generated, value));
        }
    }

    [Fact]
    public void Generated_plans_redact_to_the_same_values_and_reports_as_reflection()
    {
        var copies = Samples();
        foreach (var (type, value) in Samples())
        {
            var copy = copies.First(c => c.Plan == type).Value;
            var generated = PersonalDataPlans.For(type);
            var reflection = PersonalDataPlans.ForReflection(type);

            var a = generated.Redact(value, Context);
            var b = reflection.Redact(copy, Context);

            Assert.Equal(Export(reflection, copy), Export(reflection, value));
            Assert.Equal(b.Entries, a.Entries);
        }
    }

    [Fact]
    public void Private_base_members_keyword_names_and_init_only_members_are_written_through_the_generated_plan()
    {
        var (type, customer) = Samples().First(s => s.Plan.Name == "Customer");

        var report = PersonalDataPlans.For(type).Redact(customer, Context);

        var text = Export(PersonalDataPlans.For(type), customer);
        Assert.True(text.Length > 0, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.StartsWith("hmac:", root.GetProperty("_secretEmail").GetString(), StringComparison.Ordinal);
        Assert.Null(root.GetProperty("name").GetString());
        Assert.Equal("", root.GetProperty("event").GetString());
        Assert.Equal("Pro", root.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ages")[1].ValueKind);
        Assert.Equal(35, root.GetProperty("ages")[0].GetInt32());
        Assert.Equal("Kensington", root.GetProperty("labels").GetProperty("home").GetString()); // a read-only dictionary: reported, not changed
        Assert.Equal(2, root.GetProperty("aliases").GetArrayLength()); // an immutable array cannot be emptied or replaced by an array
        Assert.Equal("**************58", root.GetProperty("book")[0].GetProperty("number").GetString());
        Assert.Equal("**23", root.GetProperty("wrapped").GetProperty("inner").GetProperty("number").GetString());
        Assert.Equal(RedactionOutcome.NotWritable, report.Entries.Single(e => e.Path == "Labels").Outcome);
        Assert.Equal(RedactionOutcome.NotWritable, report.Entries.Single(e => e.Path == "Aliases").Outcome);
        Assert.Equal(3, report.NotWritableCount);
    }

    [Fact]
    public void A_boxed_struct_with_private_and_init_only_members_is_redacted_in_its_box()
    {
        var (type, coordinates) = Samples().First(s => s.Plan.Name == "Coordinates");

        PersonalDataPlans.For(type).Redact(coordinates, Context);

        Assert.Equal(51.0, (double)type.GetProperty("Latitude")!.GetValue(coordinates)!);
        Assert.Equal(-0.0, (double)type.GetProperty("Longitude")!.GetValue(coordinates)!);
    }

    private static (Type Plan, object Value)[] Samples() =>
        ((Type Plan, object Value)[])Host.Value.Assembly.GetType("Host.Shapes.Samples")!.GetMethod("Create")!.Invoke(null, null)!;

    private static string Export(IPersonalDataPlan plan, object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            plan.WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
