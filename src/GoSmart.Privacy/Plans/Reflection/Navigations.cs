using System.Reflection;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>Reads <see cref="NavigationFacts"/> from reflection, for <see cref="RelationshipConventions"/>; the generator reads the same from symbols.</summary>
internal static class Navigations
{
    /// <summary>Whether <paramref name="member"/> of <paramref name="declaringType"/>, holding <paramref name="target"/>, navigates to another record.</summary>
    public static bool IsNavigation(MemberInfo member, Type declaringType, Type target, bool isCollection)
    {
        var declaringMembers = MemberDiscovery.InstanceMembers(declaringType);
        var targetMembers = MemberDiscovery.InstanceMembers(target);
        return RelationshipConventions.IsNavigation(new NavigationFacts
        {
            MemberName = member.Name,
            IsCollection = isCollection,
            HasRelationshipAttribute = member.GetCustomAttributesData().Any(a => a.AttributeType.FullName is RelationshipConventions.ForeignKeyAttribute or RelationshipConventions.InversePropertyAttribute),
            DeclaringTypeName = SimpleName(declaringType),
            DeclaringMemberNames = [.. declaringMembers.Select(m => m.Name)],
            ForeignKeyNavigations = [.. declaringMembers.SelectMany(m => m.GetCustomAttributesData())
                .Where(a => a.AttributeType.FullName == RelationshipConventions.ForeignKeyAttribute && a.ConstructorArguments.Count == 1)
                .Select(a => a.ConstructorArguments[0].Value as string).OfType<string>()],
            TargetTypeName = SimpleName(target),
            TargetIsOwned = target.GetCustomAttributesData().Any(a => a.AttributeType.FullName == RelationshipConventions.OwnedAttribute),
            TargetMemberNames = [.. targetMembers.Select(m => m.Name)],
            TargetRefersBack = target != declaringType && targetMembers.Any(m => Holds(MemberAccessors.MemberType(m), declaringType)),
        });
    }

    /// <summary>Whether a member of this type holds <paramref name="declaringType"/> (or a base of it), directly or in a collection.</summary>
    private static bool Holds(Type memberType, Type declaringType)
    {
        var held = TypeShapes.NestedTarget(TypeShapes.TryGetContainer(memberType, out _, out var element) ? element : memberType);
        return TypeShapes.IsNestedCandidate(held) && held.IsAssignableFrom(declaringType);
    }

    private static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }
}
