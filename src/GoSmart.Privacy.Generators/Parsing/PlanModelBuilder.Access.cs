using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>How members are reached and which types generated code can handle; the first reason it cannot becomes the fallback reason.</summary>
internal sealed partial class PlanModelBuilder
{
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
}
