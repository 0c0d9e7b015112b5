extern alias generators;

using System.Collections.Immutable;
using generators::GoSmart.Privacy.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSmart.Privacy.Generators.Tests;

/// <summary>Compiles C# source against the running framework and the SDK, and runs the analyzer over it.</summary>
internal static class AnalyzerHarness
{
    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(PersonalFieldAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(PersonalDataPlans).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Host",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Returns each analyzer diagnostic as (id, the source text it points at, message).</summary>
    public static async Task<List<(string Id, string At, string Message)>> AnalyzeAsync(params string[] sources)
    {
        var compilation = Compile(sources);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(compileErrors.Length == 0, string.Join(Environment.NewLine, compileErrors.Select(e => e.ToString())));
        var diagnostics = await compilation.WithAnalyzers([new PersonalDataAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.GetMessage()))
            .OrderBy(d => d.Item2, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
