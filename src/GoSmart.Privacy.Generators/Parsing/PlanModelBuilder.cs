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
internal sealed class PlanModelBuilder
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

    private StepModel Leaf(ISymbol symbol, TaggedMember tagged, string prefix)
    {
        var index = _members.Count;
        var memberType = MemberReader.TypeOf(symbol);
        var shape = SymbolShapes.Classify(memberType, out var valueType, out _);
        SymbolShapes.TryGetElement(memberType, out _, out var isDictionary);
        var field = MemberReader.ReadTag(symbol).Field;
        var exportName = ExportNames.For(symbol.Name, NamedString(field, "ExportName"));
        var isSubjectId = tagged.Tag == TagKind.SubjectId;
        int? special = tagged.Tag == TagKind.Sensitive && field is { ConstructorArguments.Length: 1 } && field.ConstructorArguments[0].Value is int s ? s : null;
        _members.Add(new MemberModel(
            prefix + symbol.Name,
            exportName,
            tagged.Category!,
            special,
            isSubjectId,
            tagged.Erasure,
            tagged.Exemption,
            Name(memberType),
            shape == MemberShape.Scalar ? tagged.IsWritable : tagged.IsWritable || tagged.IsCollectionWritable,
            tagged.VisibleCharacters,
            tagged.BucketSize));

        var scalar = shape == MemberShape.Scalar;
        var writes = !isSubjectId && tagged.Erasure != ErasureStrategy.Retain;
        var access = Access(symbol, needSet: writes && (scalar || tagged.Erasure == ErasureStrategy.Erase));
        var underlying = SymbolShapes.Underlying(valueType);
        var container = scalar ? Container.Single : memberType is IArrayTypeSymbol ? Container.Array : isDictionary ? Container.Dictionary : Container.Collection;
        var canHoldArray = !scalar && CanHoldArrayOf(memberType, valueType);
        return new StepModel(
            scalar ? StepKind.Scalar : StepKind.ScalarCollection,
            NameIndex(exportName),
            access,
            Name(memberType),
            CanBeNull(memberType),
            Name(valueType),
            Name(underlying),
            !SymbolEqualityComparer.Default.Equals(underlying, valueType),
            CanBeNull(valueType),
            SymbolShapes.KindOf(valueType),
            tagged.Erasure,
            tagged.VisibleCharacters,
            tagged.BucketSize,
            EraseToEmpty(symbol, memberType),
            index,
            isSubjectId,
            container,
            !scalar && DirectForeach(memberType, valueType, container),
            canHoldArray && access.Set != SetMode.None,
            -1,
            false);
    }

    private StepModel Nested(ISymbol symbol, TaggedMember tagged, string prefix)
    {
        var memberType = MemberReader.TypeOf(symbol);
        SymbolShapes.TryGetElement(memberType, out var element, out var isDictionary);
        SymbolShapes.Classify(memberType, out var child, out _);
        var single = tagged.Shape == MemberShape.Nested;
        var declared = single ? memberType : element; // child, or a nullable of child
        var nullable = !SymbolEqualityComparer.Default.Equals(declared, child);
        var container = single ? Container.Single : memberType is IArrayTypeSymbol ? Container.Array : isDictionary ? Container.Dictionary : Container.Collection;
        var separator = single ? "." : container == Container.Dictionary ? "{}." : "[].";
        int childId;
        if (_ancestors.TryGetValue(child, out var ancestor))
        {
            _recursive = true;
            childId = ancestor;
        }
        else
        {
            childId = BuildNode(child, prefix + symbol.Name + separator);
            if (child is INamedTypeSymbol named && !Reached.Contains(named, SymbolEqualityComparer.Default))
            {
                Reached.Add(named);
            }
        }

        var access = Access(symbol, needSet: single && child.IsValueType);
        return new StepModel(
            single ? StepKind.Nested : StepKind.NestedCollection,
            NameIndex(ExportNames.CamelCase(symbol.Name)),
            access,
            Name(memberType),
            CanBeNull(memberType),
            Name(declared),
            Name(child),
            nullable,
            CanBeNull(declared),
            ValueKind.Unsupported,
            ErasureStrategy.Erase,
            0,
            0,
            false,
            -1,
            false,
            container,
            !single && DirectForeach(memberType, declared, container),
            false,
            childId,
            child.IsValueType);
    }

    /// <summary>How generated code reads and writes <paramref name="symbol"/>: directly when C# allows it, otherwise through <c>UnsafeAccessor</c>.</summary>
    private MemberAccess Access(ISymbol symbol, bool needSet)
    {
        var owner = symbol.ContainingType;
        var byRef = owner.IsValueType;
        var name = SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name;
        if (symbol.Name.IndexOf('.') >= 0)
        {
            Unsupported("its member '" + symbol.Name + "' is an explicit interface implementation");
            return new MemberAccess(name, null, SetMode.None, null, byRef);
        }

        var type = Name(MemberReader.TypeOf(symbol));
        switch (symbol)
        {
            case IFieldSymbol field:
            {
                var writable = needSet && !field.IsReadOnly && !field.IsConst;
                if (IsAccessible(field))
                {
                    return new MemberAccess(name, null, writable ? SetMode.Direct : SetMode.None, null, byRef);
                }

                var accessor = Accessor(AccessorKind.Field, field.MetadataName, owner, type);
                return new MemberAccess(name, accessor, writable ? SetMode.FieldRef : SetMode.None, accessor, byRef);
            }

            case IPropertySymbol property:
            {
                var getter = property.GetMethod is { } get && IsAccessible(get) ? null : Accessor(AccessorKind.Getter, property.GetMethod!.MetadataName, owner, type);
                if (!needSet || property.SetMethod is not { } set)
                {
                    return new MemberAccess(name, getter, SetMode.None, null, byRef);
                }

                return IsAccessible(set) && !set.IsInitOnly
                    ? new MemberAccess(name, getter, SetMode.Direct, null, byRef)
                    : new MemberAccess(name, getter, SetMode.Accessor, Accessor(AccessorKind.Setter, set.MetadataName, owner, type), byRef);
            }

            default:
                Unsupported("'" + symbol.Name + "' is neither a property nor a field");
                return new MemberAccess(name, null, SetMode.None, null, byRef);
        }
    }

    private string? Accessor(AccessorKind kind, string target, INamedTypeSymbol owner, string valueType)
    {
        if (!_hasUnsafeAccessor)
        {
            Unsupported("it has non-public or init-only members and UnsafeAccessor needs .NET 8 or later");
            return null;
        }

        if (owner.IsGenericType || owner.TypeKind == TypeKind.Interface)
        {
            Unsupported("the non-public member '" + target + "' is declared by '" + owner.ToDisplayString() + "', which is generic or an interface");
            return null;
        }

        Require(owner);
        var ownerName = Name(owner);
        var key = kind + "|" + ownerName + "|" + target;
        if (!_accessorByKey.TryGetValue(key, out var method))
        {
            method = "Access" + _accessors.Count;
            _accessorByKey[key] = method;
            _accessors.Add(new AccessorModel(method, kind, target, ownerName, owner.IsValueType, valueType));
        }

        return method;
    }

    private int NameIndex(string jsonName)
    {
        _names.Add(jsonName);
        return _names.Count - 1;
    }

    private string Name(ITypeSymbol type)
    {
        Require(type);
        return type.ToDisplayString(Qualified);
    }

    /// <summary>Notes that generated code must name <paramref name="type"/>; a type it cannot name means a reflection plan.</summary>
    private void Require(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                Require(array.ElementType);
                return;
            case INamedTypeSymbol named:
                if (!IsAccessible(named))
                {
                    Unsupported("generated code cannot name the type '" + named.ToDisplayString() + "'");
                }

                foreach (var argument in named.TypeArguments)
                {
                    Require(argument);
                }

                return;
            default:
                Unsupported("generated code cannot name the type '" + type.ToDisplayString() + "'");
                return;
        }
    }

    private bool IsAccessible(ISymbol symbol) => _compilation.IsSymbolAccessibleWithin(symbol, _compilation.Assembly);

    private void Unsupported(string reason) => _fallback ??= reason;

    private bool CanHoldArrayOf(ITypeSymbol memberType, ITypeSymbol element)
    {
        var conversion = _compilation.ClassifyCommonConversion(_compilation.CreateArrayTypeSymbol(element), memberType);
        return conversion.Exists && conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference);
    }

    /// <summary>Whether <c>foreach</c> over the declared type yields the elements directly (a struct enumerator, no allocation).</summary>
    private bool DirectForeach(ITypeSymbol collection, ITypeSymbol element, Container container)
    {
        if (collection is IArrayTypeSymbol)
        {
            return true;
        }

        if (collection.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        ITypeSymbol expected = element;
        if (container == Container.Dictionary)
        {
            var pair = _compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
            if (pair is null)
            {
                return false;
            }

            expected = pair.Construct(_compilation.GetSpecialType(SpecialType.System_String), element);
        }

        for (var t = collection; t is not null; t = t.BaseType)
        {
            var getEnumerator = t.GetMembers("GetEnumerator").OfType<IMethodSymbol>()
                .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 0 && m.TypeParameters.Length == 0 && m.DeclaredAccessibility == Accessibility.Public);
            if (getEnumerator is null)
            {
                continue;
            }

            for (var e = getEnumerator.ReturnType; e is not null; e = e.BaseType)
            {
                if (e.GetMembers("Current").OfType<IPropertySymbol>().FirstOrDefault(p => p.DeclaredAccessibility == Accessibility.Public) is { } current)
                {
                    return SymbolEqualityComparer.Default.Equals(current.Type, expected);
                }
            }

            return false;
        }

        return false;
    }

    private static bool CanBeNull(ITypeSymbol type) =>
        !type.IsValueType || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary>Erase writes <c>""</c> instead of <c>null</c> to a string declared non-nullable, as reflection reads it from the nullable metadata.</summary>
    private static bool EraseToEmpty(ISymbol symbol, ITypeSymbol memberType)
    {
        if (memberType.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var annotation = symbol switch
        {
            IPropertySymbol p => p.NullableAnnotation,
            IFieldSymbol f => f.NullableAnnotation,
            _ => NullableAnnotation.None,
        };
        return annotation == NullableAnnotation.NotAnnotated;
    }

    private static string? NamedString(AttributeData? field, string name)
    {
        if (field is null)
        {
            return null;
        }

        foreach (var pair in field.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is string value)
            {
                return value;
            }
        }

        return null;
    }

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
