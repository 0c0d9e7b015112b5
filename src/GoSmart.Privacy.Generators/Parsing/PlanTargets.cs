using GoSmart.Privacy.Generators.Model;
using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>
/// Turns one tagged member the compiler found into the plan models to generate. Every tagged member of a
/// type is found, but only the type's first tagged member (its "leader") builds the type's plans, so each
/// type is built once per compilation.
/// </summary>
internal static class PlanTargets
{
    public static EquatableArray<PlanModel> ForTarget(ISymbol target, Compilation compilation, CancellationToken cancellationToken)
    {
        var type = target.ContainingType;
        if (type is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || type.IsStatic || target.IsStatic)
        {
            return EquatableArray<PlanModel>.Empty;
        }

        if (!SymbolEqualityComparer.Default.Equals(Leader(type), target is IParameterSymbol p ? (ISymbol)p : target))
        {
            return EquatableArray<PlanModel>.Empty;
        }

        var models = new List<PlanModel>();
        var pending = new Queue<INamedTypeSymbol>();
        var done = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { type };
        pending.Enqueue(type);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = pending.Dequeue();
            var model = PlanModelBuilder.Build(next, compilation, out var reached);
            if (model is not null)
            {
                models.Add(model);
            }

            // Types reached through members get plans of their own; those with tags are built by their own leader.
            foreach (var r in reached)
            {
                if (r.Locations.Any(l => l.IsInSource) && Leader(r) is null && done.Add(r))
                {
                    pending.Enqueue(r);
                }
            }
        }

        return models.ToEquatableArray();
    }

    /// <summary>
    /// The first of a type's own members (properties and fields in declaration order, then primary-constructor
    /// parameters) that carries one of the tags; <see langword="null"/> when none does.
    /// </summary>
    public static ISymbol? Leader(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic && !member.IsImplicitlyDeclared && IsTagged(member))
            {
                return member;
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (IsTagged(parameter))
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private static bool IsTagged(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is AttributeNames.PersonalField or AttributeNames.SensitiveField or AttributeNames.DataSubjectId || (name is not null && IdentityConventions.IsIdentityAttribute(name)))
            {
                return true;
            }
        }

        return false;
    }
}
