using System.Collections.Immutable;
using GoSmart.Privacy.Generators.Diagnostics;
using GoSmart.Privacy.Generators.Emission;
using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Generators.Parsing;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace GoSmart.Privacy.Generators;

/// <summary>
/// Emits, at compile time, a personal-data plan for every type that carries GoSmart.Privacy's tags (or
/// ASP.NET Core Identity's) and every type reached through them, and registers the plans from a module
/// initializer so that <c>PersonalDataPlans.For&lt;T&gt;()</c> returns them instead of building one by reflection.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PlanGenerator : IIncrementalGenerator
{
    /// <summary>The name of the tracked step that yields every plan model, for incremental-caching tests.</summary>
    public const string PlansStep = "GoSmartPrivacy.Plans";

    private static readonly string[] TagAttributes =
    {
        AttributeNames.PersonalField,
        AttributeNames.SensitiveField,
        AttributeNames.DataSubjectId,
        IdentityConventions.PersonalDataAttribute,
        IdentityConventions.ProtectedPersonalDataAttribute,
    };

    private static readonly string[] ShortNames = { "PersonalField", "SensitiveField", "DataSubjectId", "PersonalData", "ProtectedPersonalData" };

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<PlanModel>>? all = null;
        foreach (var attribute in TagAttributes)
        {
            var found = context.SyntaxProvider.ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax or ParameterSyntax,
                    static (ctx, ct) => PlanTargets.ForTarget(ctx.TargetSymbol, ctx.SemanticModel.Compilation, ct))
                .WithTrackingName("GoSmartPrivacy.Found." + attribute)
                .SelectMany(static (models, _) => models)
                .Collect();
            all = all is null ? found : all.Value.Combine(found).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        // Tags written on a positional record's parameters with 'property:' sit on the property, which
        // ForAttributeWithMetadataName does not report: find those parameters by syntax.
        var propertyTargeted = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ParameterSyntax parameter && HasPropertyTargetedTag(parameter),
                static (ctx, ct) =>
                {
                    var parameter = (IParameterSymbol?)ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct);
                    var property = parameter?.ContainingType?.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                    return property is null ? EquatableArray<PlanModel>.Empty : PlanTargets.ForTarget(property, ctx.SemanticModel.Compilation, ct);
                })
            .SelectMany(static (models, _) => models)
            .Collect();

        var plans = all!.Value.Combine(propertyTargeted)
            .Select(static (pair, _) => Distinct(pair.Left.AddRange(pair.Right)))
            .WithTrackingName(PlansStep);

        context.RegisterSourceOutput(plans.SelectMany(static (models, _) => models), static (spc, plan) =>
        {
            if (plan.Fallback is { } fallback)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratorFellBackToReflection, ToLocation(fallback.Location),
                    "'" + fallback.TypeDisplay + "' gets a plan built by reflection at run time, not a generated one: " + fallback.Reason + ". The plan is the same; only its speed differs."));
                return;
            }

            spc.AddSource(plan.ClassName + ".g.cs", SourceText.From(PlanEmitter.Emit(plan), System.Text.Encoding.UTF8));
        });

        context.RegisterSourceOutput(plans, static (spc, models) =>
        {
            var emitted = models.Where(m => m.Fallback is null).ToList();
            if (emitted.Count > 0)
            {
                spc.AddSource(RegistrationEmitter.HintName, SourceText.From(RegistrationEmitter.Emit(emitted), System.Text.Encoding.UTF8));
            }
        });
    }

    private static EquatableArray<PlanModel> Distinct(ImmutableArray<PlanModel> models)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return models.Where(m => seen.Add(m.MetadataName)).OrderBy(m => m.MetadataName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static bool HasPropertyTargetedTag(ParameterSyntax parameter)
    {
        foreach (var list in parameter.AttributeLists)
        {
            if (list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.PropertyKeyword))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
                    SimpleNameSyntax s => s.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name.EndsWith("Attribute", StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - "Attribute".Length);
                }

                if (Array.IndexOf(ShortNames, name) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Location ToLocation(LocationModel? location) =>
        location is null
            ? Location.None
            : Location.Create(location.FilePath, new TextSpan(location.Start, location.Length),
                new LinePositionSpan(new LinePosition(location.StartLine, location.StartCharacter), new LinePosition(location.EndLine, location.EndCharacter)));
}
