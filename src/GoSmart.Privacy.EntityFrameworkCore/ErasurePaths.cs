using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Chooses how an entity's rows are erased, from the host's choice and what the plan and the model allow.</summary>
internal static class ErasurePaths
{
    public static (ErasurePath Path, IReadOnlyList<SetBasedMember> Members) Choose(IEntityType entity, int hierarchySize, IPersonalDataPlan plan, IReadOnlyList<SubjectLookup> lookups, EntityErasureMode mode, IKey key)
    {
        var members = plan.Members.Where(m => !m.IsSubjectId).ToList();
        var keyNames = key.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        // A tagged key member that erasure rewrites cannot be changed in place: such rows are deleted (GSP015 warns at build time).
        var rewritesKey = members.Any(m => keyNames.Contains(m.Path) && m.Erasure != ErasureStrategy.Retain);
        var retains = members.Any(m => m.Erasure == ErasureStrategy.Retain);
        if (rewritesKey || (mode == EntityErasureMode.Delete && !retains))
        {
            return (ErasurePath.Delete, []);
        }

        // Other people's rows holding the subject's parts, or free text that may mention them, are erased part by part.
        if (mode != EntityErasureMode.Anonymise || hierarchySize > 1 || lookups.Any(l => !l.IsOwnRow) || plan.Members.Any(m => m.IsFreeText))
        {
            return (ErasurePath.Tracked, []);
        }

        var setBased = new List<SetBasedMember>();
        foreach (var member in members)
        {
            var property = entity.FindProperty(member.Path);
            if (property is null || property.IsShadowProperty() || member.Erasure is not (ErasureStrategy.Erase or ErasureStrategy.Retain) || !member.IsWritable)
            {
                return (ErasurePath.Tracked, []); // a nested part, a collection, a computed value or a strategy that depends on the value
            }

            setBased.Add(new SetBasedMember(member.Path, property, member.Erasure == ErasureStrategy.Retain, null, property.IsNullable || !property.ClrType.IsValueType));
        }

        var erased = ErasedValues(entity.ClrType, plan, setBased);
        return (ErasurePath.SetBased, [.. setBased.Select(m => m with { Erased = m.Retained ? null : erased[m.Path] })]);
    }

    /// <summary>What the plan's <c>Erase</c> writes into each member, read from a probe the plan itself redacts — never a second copy of the rule.</summary>
    private static Dictionary<string, object?> ErasedValues(Type type, IPersonalDataPlan plan, List<SetBasedMember> members)
    {
        var probe = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var member in members.Where(m => !m.Retained && m.Property.ClrType == typeof(string)))
        {
            member.Property.PropertyInfo?.SetValue(probe, "x"); // a value to erase: an absent string is left as it is
            member.Property.FieldInfo?.SetValue(probe, "x");
        }

        plan.Redact(probe, new RedactionContext(RandomNumberGenerator.GetBytes(32)));
        return members.Where(m => !m.Retained).ToDictionary(m => m.Path, m => m.Property.PropertyInfo?.GetValue(probe) ?? m.Property.FieldInfo?.GetValue(probe), StringComparer.Ordinal);
    }
}
