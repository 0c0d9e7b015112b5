using System.Collections.Concurrent;
using System.Collections.Immutable;
using GoSmart.Privacy.Generators.Diagnostics;
using GoSmart.Privacy.Generators.Parsing;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GoSmart.Privacy.Generators.Analyzers;

/// <summary>
/// Reports, at compile time, every annotation rule the run-time plan builder enforces (same ids, same
/// messages), members that look like personal data but carry no tag, and root entities without a subject id.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Descriptors.RuleDescriptors.Concat(new[] { Descriptors.UntaggedPersonalData, Descriptors.RootWithoutSubjectId }).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var roots = new ConcurrentDictionary<INamedTypeSymbol, Location>(SymbolEqualityComparer.Default);
            var reached = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(c => AnalyzeType(c, roots, reached), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var pair in roots)
                {
                    if (!reached.ContainsKey(pair.Key))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.RootWithoutSubjectId, pair.Value,
                            "'" + pair.Key.ToDisplayString() + "' has tagged members but no [DataSubjectId], and no other tagged type holds it: a data-subject request cannot find its records. Tag the member that identifies the person with [DataSubjectId]."));
                    }
                }
            });
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentDictionary<INamedTypeSymbol, Location> roots, ConcurrentDictionary<ITypeSymbol, bool> reached)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || type.IsStatic)
        {
            return;
        }

        var described = TaggedMemberReader.Describe(type);
        if (described.Count == 0)
        {
            return;
        }

        var hasTags = false;
        var hasSubjectId = false;
        foreach (var (symbol, tagged) in described)
        {
            var declaredHere = SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type);
            hasTags |= tagged.Tag is TagKind.Personal or TagKind.Sensitive or TagKind.Identity or TagKind.SubjectId;
            hasSubjectId |= tagged.Tag == TagKind.SubjectId;
            if (tagged.Shape is MemberShape.Nested or MemberShape.NestedCollection && tagged.Tag == TagKind.None)
            {
                var memberType = MemberReader.TypeOf(symbol);
                reached[SymbolShapes.TryGetElement(memberType, out var element) ? element : memberType] = true;
            }

            if (!declaredHere)
            {
                continue;
            }

            foreach (var violation in AnnotationRules.CheckMember(tagged))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ForRule(violation.Id), LocationOf(symbol), violation.Message));
            }
        }

        foreach (var violation in AnnotationRules.CheckType(described[0].Tagged.TypeName, described.Select(d => d.Tagged).ToList()))
        {
            var symbol = described.First(d => d.Tagged.MemberName == violation.MemberName).Symbol;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ForRule(violation.Id), LocationOf(symbol), violation.Message));
        }

        if (!hasTags)
        {
            return;
        }

        foreach (var (symbol, tagged) in described)
        {
            if (tagged.Tag != TagKind.None || !SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type) || tagged.Shape is not (MemberShape.Scalar or MemberShape.ScalarCollection))
            {
                continue;
            }

            var suggestion = PersonalDataNames.SuggestCategory(tagged.MemberName, tagged.Kind);
            if (suggestion is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UntaggedPersonalData, LocationOf(symbol),
                    ImmutableDictionary<string, string?>.Empty.Add("Category", suggestion),
                    "'" + tagged.TypeName + "." + tagged.MemberName + "' looks like personal data (" + suggestion + ") but is neither tagged nor [NotPersonalData]. Add [PersonalField(\"" + suggestion + "\")] (or a DataCategories constant), or [NotPersonalData] if it is not about a person."));
            }
        }

        if (!hasSubjectId && type.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
        {
            roots[type] = location;
        }
    }

    private static Location LocationOf(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
}
