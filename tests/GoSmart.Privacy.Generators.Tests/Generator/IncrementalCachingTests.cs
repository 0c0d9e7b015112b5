extern alias generators;

using generators::GoSmart.Privacy.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Tests.Generator;

/// <summary>The generator does no work twice: rerunning it, or editing a file without tags, regenerates nothing.</summary>
public class IncrementalCachingTests
{
    private const string Unrelated = "namespace Host.Other { public sealed class Clock { public int Ticks { get; set; } } }";

    [Fact]
    public void Running_twice_on_the_same_or_a_cloned_compilation_caches_every_step()
    {
        var compilation = AnalyzerHarness.Compile(GeneratorHarness.Source("SnapshotContact.cs"), Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        AssertAllCached(driver.RunGenerators(compilation).GetRunResult());
        AssertAllCached(driver.RunGenerators(compilation.Clone()).GetRunResult());
    }

    [Fact]
    public void Editing_a_file_without_tags_regenerates_nothing()
    {
        var compilation = AnalyzerHarness.Compile(GeneratorHarness.Source("SnapshotContact.cs"), Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Clock", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(Unrelated.Replace("Ticks", "Ticks2", StringComparison.Ordinal), (CSharpParseOptions)unrelated.Options));

        AssertAllCached(driver.RunGenerators(edited).GetRunResult());
    }

    [Fact]
    public void Editing_a_tag_regenerates_that_plan()
    {
        var source = GeneratorHarness.Source("SnapshotContact.cs");
        var compilation = AnalyzerHarness.Compile(source, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(source.Replace("VisibleCharacters = 2", "VisibleCharacters = 3", StringComparison.Ordinal), (CSharpParseOptions)tree.Options));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[PlanGenerator.PlansStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Mask(current, 3)", result.GeneratedSources.Single(s => s.HintName == "Host_Snapshot_Contact_Plan.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    private static void AssertAllCached(GeneratorDriverRunResult run)
    {
        var result = run.Results.Single();
        var tracked = result.TrackedSteps.Where(s => s.Key.StartsWith("GoSmartPrivacy", StringComparison.Ordinal)).ToList();
        Assert.Contains(tracked, s => s.Key == PlanGenerator.PlansStep);
        foreach (var (name, steps) in tracked)
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} was {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {output.Reason}");
        }
    }
}
