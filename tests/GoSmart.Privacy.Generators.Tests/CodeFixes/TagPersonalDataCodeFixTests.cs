extern alias generators;

using generators::GoSmart.Privacy.Generators.Analyzers;
using GoSmart.Privacy.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSmart.Privacy.Generators.Tests.CodeFixes;

/// <summary>The GSP001 fixes, applied to a document the way an IDE applies them.</summary>
public class TagPersonalDataCodeFixTests
{
    private const string Before = """
        namespace Host.Crm
        {
            public sealed class Lead
            {
                [GoSmart.Privacy.DataSubjectId]
                public int Id { get; set; }

                public string? Email { get; set; }
            }
        }
        """;

    [Fact]
    public async Task Tagging_adds_PersonalField_with_the_DataCategories_constant_and_the_using()
    {
        var fixedText = await ApplyAsync(Before, "GSP001.PersonalField");

        Assert.Equal("""
            using GoSmart.Privacy;

            namespace Host.Crm
            {
                public sealed class Lead
                {
                    [GoSmart.Privacy.DataSubjectId]
                    public int Id { get; set; }

                    [PersonalField(DataCategories.ContactEmail)]
                    public string? Email { get; set; }
                }
            }
            """, fixedText.ReplaceLineEndings("\n"));
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedText));
    }

    [Fact]
    public async Task Marking_adds_NotPersonalData()
    {
        var fixedText = await ApplyAsync(Before, "GSP001.NotPersonalData");

        Assert.Contains("[NotPersonalData]\n        public string? Email", fixedText.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedText));
    }

    private static async Task<string> ApplyAsync(string source, string equivalenceKey)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Host", LanguageNames.CSharp)
            .WithMetadataReferences(AnalyzerHarness.References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Lead.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = (await compilation.WithAnalyzers([new PersonalDataAnalyzer()]).GetAnalyzerDiagnosticsAsync()).Single(d => d.Id == "GSP001");

        var actions = new List<CodeAction>();
        await new TagPersonalDataCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        var action = actions.Single(a => a.EquivalenceKey == equivalenceKey);
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var changed = operation.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}
