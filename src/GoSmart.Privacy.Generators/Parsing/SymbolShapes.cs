using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>Classifies member types from symbols with the same rules the reflection builder applies to <c>System.Type</c>.</summary>
internal static class SymbolShapes
{
    public static ValueKind KindOf(ITypeSymbol type)
    {
        var t = Underlying(type);
        return ValueKinds.FromTypeName(FullName(t), t.TypeKind == TypeKind.Enum);
    }

    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : type;

    public static string FullName(ITypeSymbol type) =>
        type is IArrayTypeSymbol ? type.ToDisplayString() : (type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty) + MetadataName(type);

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataName(outer) + "+" + type.MetadataName : type.MetadataName;

    public static MemberShape Classify(ITypeSymbol type, out ITypeSymbol valueType, out bool isCollectionWritable)
    {
        isCollectionWritable = false;
        valueType = type;
        if (KindOf(type) != ValueKind.Unsupported)
        {
            return MemberShape.Scalar;
        }

        if (TryGetElement(type, out var element))
        {
            valueType = element;
            isCollectionWritable = IsCollectionWritable(type);
            if (KindOf(element) != ValueKind.Unsupported)
            {
                return MemberShape.ScalarCollection;
            }

            var nestedElement = Underlying(element);
            if (IsNestedCandidate(nestedElement) && HasPersonalData(nestedElement, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)))
            {
                valueType = nestedElement;
                return MemberShape.NestedCollection;
            }

            return MemberShape.Unsupported;
        }

        // A nullable struct nests its struct: the plan reaches through HasValue to its members.
        var nested = Underlying(type);
        if (IsNestedCandidate(nested) && HasPersonalData(nested, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)))
        {
            valueType = nested;
            return MemberShape.Nested;
        }

        return MemberShape.Unsupported;
    }

    /// <summary>
    /// Classifies a member of <paramref name="declaringType"/>: as <see cref="Classify(ITypeSymbol, out ITypeSymbol, out bool)"/>,
    /// except that a member navigating to another record (<see cref="RelationshipConventions"/>) is not followed.
    /// </summary>
    public static MemberShape Classify(ISymbol member, ITypeSymbol declaringType, out ITypeSymbol valueType, out bool isCollectionWritable)
    {
        var shape = Classify(MemberReader.TypeOf(member), out valueType, out isCollectionWritable);
        if (shape is MemberShape.Nested or MemberShape.NestedCollection && SymbolNavigations.IsNavigation(member, declaringType, valueType, shape == MemberShape.NestedCollection))
        {
            valueType = MemberReader.TypeOf(member);
            isCollectionWritable = false;
            return MemberShape.Unsupported;
        }

        return shape;
    }

    public static bool HasPersonalData(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (!visiting.Add(type))
        {
            return false;
        }

        foreach (var member in MemberReader.InstanceMembers(type))
        {
            var tag = MemberReader.ReadTag(member).Tag;
            if (tag != TagKind.None && tag != TagKind.NotPersonal)
            {
                return true;
            }

            var memberType = MemberReader.TypeOf(member);
            var isCollection = TryGetElement(memberType, out var element);
            var target = Underlying(isCollection ? element : memberType);
            if (KindOf(target) == ValueKind.Unsupported && IsNestedCandidate(target) && !SymbolNavigations.IsNavigation(member, type, target, isCollection) && HasPersonalData(target, visiting))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsNestedCandidate(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal);
    }

    public static bool TryGetElement(ITypeSymbol type, out ITypeSymbol element) => TryGetElement(type, out element, out _);

    /// <summary>Finds the element type of an array, collection or string-keyed dictionary (<paramref name="isDictionary"/>).</summary>
    public static bool TryGetElement(ITypeSymbol type, out ITypeSymbol element, out bool isDictionary)
    {
        element = type;
        isDictionary = false;
        if (type is IArrayTypeSymbol array)
        {
            element = array.ElementType;
            return array.Rank == 1;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        var interfaces = type.TypeKind == TypeKind.Interface ? type.AllInterfaces.Add((INamedTypeSymbol)type) : type.AllInterfaces;
        foreach (var i in interfaces)
        {
            var def = i.OriginalDefinition.ToDisplayString();
            if ((def == "System.Collections.Generic.IDictionary<TKey, TValue>" || def == "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>")
                && i.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                element = i.TypeArguments[1];
                isDictionary = true;
                return true;
            }
        }

        foreach (var i in interfaces)
        {
            if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                element = i.TypeArguments[0];
                return true;
            }
        }

        return false;
    }

    private static bool IsCollectionWritable(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns.StartsWith("System.Collections.Immutable", StringComparison.Ordinal) || type.Name.StartsWith("ReadOnly", StringComparison.Ordinal) || type.Name.StartsWith("IReadOnly", StringComparison.Ordinal)
            || (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
        {
            return false;
        }

        var interfaces = type.TypeKind == TypeKind.Interface ? type.AllInterfaces.Add((INamedTypeSymbol)type) : type.AllInterfaces;
        return interfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T
            || i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IDictionary<TKey, TValue>");
    }
}
