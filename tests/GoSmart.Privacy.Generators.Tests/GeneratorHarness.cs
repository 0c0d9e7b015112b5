extern alias generators;

using System.Collections.Immutable;
using System.Reflection;
using generators::GoSmart.Privacy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Tests;

/// <summary>Runs the plan generator over source, as the compiler does, and loads what it produces.</summary>
internal static class GeneratorHarness
{
    private static int _assemblies;

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new PlanGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles <paramref name="sources"/> with the generator; returns the output compilation and the generator's diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Run) Generate(params string[] sources)
    {
        var compilation = AnalyzerHarness.Compile(sources).WithAssemblyName("Host" + Interlocked.Increment(ref _assemblies));
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    /// <summary>Emits and loads the compilation, failing on any error or warning (generated code must be clean under warnings-as-errors).</summary>
    public static Assembly Load(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems.Select(p => p.ToString())));
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    public static string Source(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", name));
}
