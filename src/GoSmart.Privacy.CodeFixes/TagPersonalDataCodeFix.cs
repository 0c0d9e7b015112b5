using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace GoSmart.Privacy.CodeFixes;

/// <summary>
/// Fixes GSP001 (a member that looks like personal data but carries no tag) in one of two ways: tag it with
/// <c>[PersonalField(...)]</c> and the category the analyzer suggests, or mark it <c>[NotPersonalData]</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TagPersonalDataCodeFix))]
[Shared]
public sealed class TagPersonalDataCodeFix : CodeFixProvider
{
    private const string DiagnosticId = "GSP001";
    private const string Namespace = "GoSmart.Privacy";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var member = MemberAt(root, diagnostic);
            if (member is null)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue("Category", out var category) && category is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Tag as personal data ([PersonalField(\"" + category + "\")])",
                        ct => AddAttributeAsync(context.Document, member, (generator, constant) =>
                            generator.Attribute(Namespace + ".PersonalField", new[] { constant is null ? generator.LiteralExpression(category) : generator.MemberAccessExpression(generator.TypeExpression(constant.ContainingType), constant.Name) }),
                            category, ct),
                        DiagnosticId + ".PersonalField"),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark as not personal data ([NotPersonalData])",
                    ct => AddAttributeAsync(context.Document, member, (generator, _) => generator.Attribute(Namespace + ".NotPersonalData"), null, ct),
                    DiagnosticId + ".NotPersonalData"),
                diagnostic);
        }
    }

    private static MemberDeclarationSyntax? MemberAt(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan);
        return node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is PropertyDeclarationSyntax or FieldDeclarationSyntax);
    }

    private static async Task<Document> AddAttributeAsync(Document document, MemberDeclarationSyntax member, Func<SyntaxGenerator, IFieldSymbol?, SyntaxNode> attribute, string? category, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var constant = category is null ? null : CategoryConstant(editor.SemanticModel.Compilation, category);
        var tag = attribute(editor.Generator, constant).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
        editor.AddAttribute(member, tag);
        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>DataCategories</c> constant whose value is <paramref name="category"/>, so the fix reads <c>DataCategories.ContactEmail</c>, not a string.</summary>
    private static IFieldSymbol? CategoryConstant(Compilation compilation, string category) =>
        compilation.GetTypeByMetadataName(Namespace + ".DataCategories")?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.IsConst && f.ConstantValue is string value && value == category);
}
