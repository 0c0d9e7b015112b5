using System.Collections.Concurrent;
using System.Reflection;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A member type, classified: scalar, container of what, or a nested type with personal data.</summary>
internal readonly record struct TypeShape(MemberShape Shape, ContainerKind Container, Type ValueType, ValueKind Kind, bool IsCollectionWritable);

/// <summary>Classifies member types for the reflection builder, with the same rules the generator applies to symbols.</summary>
internal static class TypeShapes
{
    private static readonly ConcurrentDictionary<Type, bool> HasDataCache = new();

    public static ValueKind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return ValueKinds.FromTypeName(t.FullName ?? t.Name, t.IsEnum);
    }

    public static TypeShape Classify(Type type)
    {
        var kind = KindOf(type);
        if (kind != ValueKind.Unsupported)
        {
            return new TypeShape(MemberShape.Scalar, ContainerKind.Single, type, kind, false);
        }

        if (TryGetContainer(type, out var container, out var element))
        {
            var elementKind = KindOf(element);
            var writable = IsCollectionWritable(type, container);
            if (elementKind != ValueKind.Unsupported)
            {
                return new TypeShape(MemberShape.ScalarCollection, container, element, elementKind, writable);
            }

            var nestedElement = NestedTarget(element);
            return IsNestedCandidate(nestedElement) && HasPersonalData(nestedElement)
                ? new TypeShape(MemberShape.NestedCollection, container, nestedElement, ValueKind.Unsupported, writable)
                : new TypeShape(MemberShape.Unsupported, container, element, ValueKind.Unsupported, false);
        }

        var nested = NestedTarget(type);
        return IsNestedCandidate(nested) && HasPersonalData(nested)
            ? new TypeShape(MemberShape.Nested, ContainerKind.Single, nested, ValueKind.Unsupported, false)
            : new TypeShape(MemberShape.Unsupported, ContainerKind.Single, type, ValueKind.Unsupported, false);
    }

    /// <summary>
    /// Classifies a member of <paramref name="declaringType"/>: as <see cref="Classify(Type)"/>, except that a member
    /// navigating to another record (<see cref="RelationshipConventions"/>) is not followed — the plan stops there.
    /// </summary>
    public static TypeShape Classify(MemberInfo member, Type declaringType)
    {
        var shape = Classify(MemberAccessors.MemberType(member));
        return shape.Shape is MemberShape.Nested or MemberShape.NestedCollection
            && Navigations.IsNavigation(member, declaringType, shape.ValueType, shape.Shape == MemberShape.NestedCollection)
            ? shape with { Shape = MemberShape.Unsupported, IsCollectionWritable = false }
            : shape;
    }

    /// <summary>The type whose members a nested value holds: a nullable struct's underlying struct, or the type itself.</summary>
    public static Type NestedTarget(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>Whether a type (or anything it reaches through its members) carries a tag.</summary>
    public static bool HasPersonalData(Type type) =>
        HasDataCache.GetOrAdd(type, static t => HasPersonalData(t, new HashSet<Type>()));

    private static bool HasPersonalData(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
        {
            return false;
        }

        foreach (var member in MemberDiscovery.InstanceMembers(type))
        {
            if (MemberDiscovery.ReadTags(member).Tag is not (TagKind.None or TagKind.NotPersonal))
            {
                return true;
            }

            var memberType = MemberAccessors.MemberType(member);
            var isCollection = TryGetContainer(memberType, out _, out var element);
            var target = NestedTarget(isCollection ? element : memberType);
            if (KindOf(target) == ValueKind.Unsupported && IsNestedCandidate(target) && !Navigations.IsNavigation(member, type, target, isCollection) && HasPersonalData(target, visiting))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types the SDK looks into: the host's own classes, structs and interfaces, never framework types.</summary>
    public static bool IsNestedCandidate(Type type) =>
        !type.IsPrimitive && !type.IsPointer && !type.IsGenericParameter && !type.IsArray
        && !typeof(Delegate).IsAssignableFrom(type)
        && type != typeof(object)
        && !(type.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal)
        && !(type.Namespace ?? string.Empty).StartsWith("Microsoft", StringComparison.Ordinal);

    public static bool TryGetContainer(Type type, out ContainerKind kind, out Type element)
    {
        if (type.IsArray)
        {
            kind = ContainerKind.Array;
            element = type.GetElementType()!;
            return type.GetArrayRank() == 1;
        }

        if (type == typeof(string))
        {
            kind = ContainerKind.Single;
            element = type;
            return false;
        }

        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        foreach (var i in interfaces)
        {
            if (i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                var args = i.GetGenericArguments();
                if (args[0] == typeof(string))
                {
                    kind = ContainerKind.Dictionary;
                    element = args[1];
                    return true;
                }
            }
        }

        foreach (var i in interfaces)
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                kind = ContainerKind.Collection;
                element = i.GetGenericArguments()[0];
                return true;
            }
        }

        kind = ContainerKind.Single;
        element = type;
        return false;
    }

    /// <summary>Whether redaction can empty the collection or replace its elements, judged from the declared type.</summary>
    private static bool IsCollectionWritable(Type type, ContainerKind kind)
    {
        if (kind == ContainerKind.Array)
        {
            return true;
        }

        var ns = type.Namespace ?? string.Empty;
        if (ns.StartsWith("System.Collections.Immutable", StringComparison.Ordinal) || type.Name.StartsWith("ReadOnly", StringComparison.Ordinal) || type.Name.StartsWith("IReadOnly", StringComparison.Ordinal)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
        {
            return false;
        }

        return type.GetInterfaces().Append(type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)));
    }
}
