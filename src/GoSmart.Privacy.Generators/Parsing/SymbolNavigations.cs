using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>Reads <see cref="NavigationFacts"/> from symbols, for <see cref="RelationshipConventions"/>; the run-time builder reads the same from reflection.</summary>
internal static class SymbolNavigations
{
    /// <summary>Whether <paramref name="member"/> of <paramref name="declaringType"/>, holding <paramref name="target"/>, navigates to another record.</summary>
    public static bool IsNavigation(ISymbol member, ITypeSymbol declaringType, ITypeSymbol target, bool isCollection)
    {
        var declaringMembers = MemberReader.InstanceMembers(declaringType);
        var targetMembers = MemberReader.InstanceMembers(target);
        return RelationshipConventions.IsNavigation(new NavigationFacts
        {
            MemberName = member.Name,
            IsCollection = isCollection,
            HasRelationshipAttribute = member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is RelationshipConventions.ForeignKeyAttribute or RelationshipConventions.InversePropertyAttribute),
            DeclaringTypeName = declaringType.Name,
            DeclaringMemberNames = declaringMembers.Select(m => m.Name).ToList(),
            ForeignKeyNavigations = declaringMembers.SelectMany(m => m.GetAttributes())
                .Where(a => a.AttributeClass?.ToDisplayString() == RelationshipConventions.ForeignKeyAttribute && a.ConstructorArguments.Length == 1)
                .Select(a => a.ConstructorArguments[0].Value as string).Where(n => n is not null).Select(n => n!).ToList(),
            TargetTypeName = target.Name,
            TargetIsOwned = target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == RelationshipConventions.OwnedAttribute),
            TargetMemberNames = targetMembers.Select(m => m.Name).ToList(),
            TargetRefersBack = !SymbolEqualityComparer.Default.Equals(target, declaringType) && targetMembers.Any(m => Holds(MemberReader.TypeOf(m), declaringType)),
        });
    }

    /// <summary>Whether a member of this type holds <paramref name="declaringType"/> (or a base of it), directly or in a collection.</summary>
    private static bool Holds(ITypeSymbol memberType, ITypeSymbol declaringType)
    {
        var held = SymbolShapes.Underlying(SymbolShapes.TryGetElement(memberType, out var element) ? element : memberType);
        if (!SymbolShapes.IsNestedCandidate(held))
        {
            return false;
        }

        for (var t = declaringType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, held))
            {
                return true;
            }
        }

        return held.TypeKind == TypeKind.Interface && declaringType.AllInterfaces.Contains(held, SymbolEqualityComparer.Default);
    }
}
