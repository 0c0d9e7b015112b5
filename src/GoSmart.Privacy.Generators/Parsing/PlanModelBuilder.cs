using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>
/// Builds a <see cref="PlanModel"/> from a type's symbols, walking members exactly as the reflection plan
/// builder walks <c>System.Type</c> (same order, same rules, same node per place a type appears), so that
/// generated and reflection plans are the same plan.
/// </summary>
internal sealed partial class PlanModelBuilder
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly Compilation _compilation;
    private readonly bool _hasUnsafeAccessor;
    private readonly List<MemberModel> _members = new();
    private readonly List<NodeModel?> _nodes = new();
    private readonly List<AccessorModel> _accessors = new();
    private readonly Dictionary<string, string> _accessorByKey = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();
    private readonly Dictionary<ITypeSymbol, int> _ancestors = new(SymbolEqualityComparer.Default);
    private bool _recursive;
    private bool _hasErrors;
    private string? _fallback;

    private PlanModelBuilder(Compilation compilation)
    {
        _compilation = compilation;
        _hasUnsafeAccessor = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.UnsafeAccessorAttribute") is not null;
    }

    /// <summary>The types reached through nested members, for generating their own plans too.</summary>
    public List<INamedTypeSymbol> Reached { get; } = new();

    /// <summary>Builds the plan model of <paramref name="root"/>; <see langword="null"/> when its tags break a rule (the analyzers report those).</summary>
    public static PlanModel? Build(INamedTypeSymbol root, Compilation compilation, out List<INamedTypeSymbol> reached)
    {
        var builder = new PlanModelBuilder(compilation);
        var model = builder.BuildRoot(root);
        reached = builder.Reached;
        return model;
    }

    private PlanModel? BuildRoot(INamedTypeSymbol root)
    {
        var metadataName = SymbolShapes.FullName(root);
        var className = ClassNameFor(metadataName);
        if (root.IsGenericType || root.IsUnboundGenericType)
        {
            return Fallback(root, metadataName, className, "it is generic: each closed type gets a plan built by reflection when it is first asked for");
        }

        if (!IsAccessible(root))
        {
            return Fallback(root, metadataName, className, "generated code cannot name it (it is private or protected, or nested in such a type)");
        }

        BuildNode(root, string.Empty);
        if (_hasErrors)
        {
            return null;
        }

        var rootNode = _nodes[0]!;
        var subjectIdPath = rootNode.SubjectIdPath;
        var subjectId = rootNode.SubjectId;
        var subjectIdOwner = rootNode.SubjectIdOwner;

        if (_fallback is not null)
        {
            return Fallback(root, metadataName, className, _fallback);
        }

        return new PlanModel(
            root.ToDisplayString(Qualified),
            metadataName,
            className,
            root.IsValueType,
            _recursive,
            subjectIdPath,
            subjectId,
            subjectIdOwner,
            _members.ToEquatableArray(),
            _nodes.Select(n => n!).ToEquatableArray(),
            _accessors.ToEquatableArray(),
            _names.ToEquatableArray(),
            null);
    }

    private int BuildNode(ITypeSymbol type, string prefix)
    {
        var id = _nodes.Count;
        var before = _members.Count;
        _nodes.Add(null);
        _ancestors[type] = id;
        Require(type);
        var described = TaggedMemberReader.Describe(type);
        _hasErrors |= AnnotationRules.CheckType(TypeNameOf(type, described), described.Select(d => d.Tagged).ToList()).Any(v => v.IsError);
        var steps = new List<StepModel>();
        foreach (var (symbol, tagged) in described)
        {
            if (AnnotationRules.CheckMember(tagged).Any(p => p.IsError))
            {
                _hasErrors = true;
                continue;
            }

            var isLeaf = tagged.Shape is MemberShape.Scalar or MemberShape.ScalarCollection;
            if (tagged.Tag is TagKind.Personal or TagKind.Sensitive or TagKind.Identity or TagKind.SubjectId && isLeaf)
            {
                steps.Add(Leaf(symbol, tagged, prefix));
            }
            else if (tagged.Tag == TagKind.None && tagged.Shape is MemberShape.Nested or MemberShape.NestedCollection)
            {
                steps.Add(Nested(symbol, tagged, prefix));
            }
        }

        _ancestors.Remove(type);
        var (subjectIdPath, subjectId, subjectIdOwner) = Owner(described);
        _nodes[id] = new NodeModel(id, type.ToDisplayString(Qualified), type.IsValueType, steps.ToEquatableArray(), Enumerable.Range(before, _members.Count - before).ToEquatableArray(), subjectId, subjectIdOwner, subjectIdPath);
        return id;
    }

    /// <summary>
    /// Where an object's owner is: its own <c>[DataSubjectId]</c>; failing that, the subject id of its first nested
    /// object (a class, not a collection) that has one of its own. The reflection builder applies the same rule.
    /// </summary>
    private (string? Path, MemberAccess? SubjectId, MemberAccess? Owner) Owner(List<(ISymbol Symbol, TaggedMember Tagged)> described)
    {
        if (OwnSubjectId(described) is { } own)
        {
            return (own.Name, Access(own, needSet: false), null);
        }

        foreach (var (symbol, tagged) in described)
        {
            var type = MemberReader.TypeOf(symbol);
            if (tagged.Tag != TagKind.None || tagged.Shape != MemberShape.Nested || type.IsValueType || OwnSubjectId(TaggedMemberReader.Describe(type)) is not { } inner)
            {
                continue;
            }

            return (symbol.Name + "." + inner.Name, Access(inner, needSet: false), Access(symbol, needSet: false));
        }

        return (null, null, null);
    }

    private static ISymbol? OwnSubjectId(List<(ISymbol Symbol, TaggedMember Tagged)> described) =>
        described.FirstOrDefault(d => d.Tagged.Tag == TagKind.SubjectId && d.Tagged.Shape == MemberShape.Scalar).Symbol;

    private static string TypeNameOf(ITypeSymbol type, List<(ISymbol Symbol, TaggedMember Tagged)> described) =>
        described.Count > 0 ? described[0].Tagged.TypeName : type.ToDisplayString();

    private PlanModel Fallback(INamedTypeSymbol root, string metadataName, string className, string reason)
    {
        var location = root.Locations.FirstOrDefault(l => l.IsInSource);
        LocationModel? where = null;
        if (location is not null)
        {
            var span = location.GetLineSpan();
            where = new LocationModel(span.Path, location.SourceSpan.Start, location.SourceSpan.Length, span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
        }

        return new PlanModel(Name(root), metadataName, className, root.IsValueType, false, null, null, null,
            EquatableArray<MemberModel>.Empty, EquatableArray<NodeModel>.Empty, EquatableArray<AccessorModel>.Empty, EquatableArray<string>.Empty,
            new FallbackModel(root.ToDisplayString(), reason, where));
    }

    private static string ClassNameFor(string metadataName)
    {
        var chars = metadataName.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars) + "_Plan";
    }
}
