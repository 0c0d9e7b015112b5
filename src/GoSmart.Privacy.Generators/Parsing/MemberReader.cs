using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>The tags read from one member's attributes.</summary>
internal readonly struct TagInfo
{
    public TagInfo(TagKind tag, bool conflicting, AttributeData? field, bool freeText = false)
    {
        Tag = tag;
        Conflicting = conflicting;
        Field = field;
        FreeText = freeText;
    }

    /// <summary>Whether the member carries <c>[FreeText]</c>.</summary>
    public bool FreeText { get; }

    public TagKind Tag { get; }

    public bool Conflicting { get; }

    /// <summary>The <c>[PersonalField]</c> or <c>[SensitiveField]</c>, with its named arguments.</summary>
    public AttributeData? Field { get; }
}

/// <summary>
/// Reads a type's instance members in the order plans use — base types first; in each type properties, then
/// fields, in declaration order; the most derived declaration of a name wins — and their tags.
/// </summary>
internal static class MemberReader
{
    public static IReadOnlyList<ISymbol> InstanceMembers(ITypeSymbol type)
    {
        var chain = new List<ITypeSymbol>();
        for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            chain.Add(t);
        }

        chain.Reverse();
        var order = new List<string>();
        var byName = new Dictionary<string, ISymbol>(StringComparer.Ordinal);
        foreach (var t in chain)
        {
            var members = t.GetMembers();
            var properties = members.OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer && p.GetMethod is not null && !p.IsImplicitlyDeclared);
            var fields = members.OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst && !f.IsImplicitlyDeclared && f.AssociatedSymbol is null);
            foreach (var member in properties.Cast<ISymbol>().Concat(fields))
            {
                if (!byName.ContainsKey(member.Name))
                {
                    order.Add(member.Name);
                }

                byName[member.Name] = member;
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var p in type.AllInterfaces.SelectMany(i => i.GetMembers().OfType<IPropertySymbol>()).Where(p => !p.IsIndexer && !p.IsStatic))
            {
                if (!byName.ContainsKey(p.Name))
                {
                    byName[p.Name] = p;
                    order.Add(p.Name);
                }
            }
        }

        return order.Select(n => byName[n]).ToArray();
    }

    public static ITypeSymbol TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol p => p.Type,
        IFieldSymbol f => f.Type,
        _ => throw new ArgumentException("Not a property or field: " + member, nameof(member)),
    };

    public static bool IsWritable(ISymbol member) => member switch
    {
        IPropertySymbol p => p.SetMethod is not null,
        IFieldSymbol f => !f.IsReadOnly && !f.IsConst,
        _ => false,
    };

    public static TagInfo ReadTag(ISymbol member)
    {
        var read = ReadTag(AttributesWithOverrides(member));
        if (read.Tag == TagKind.None && member is IPropertySymbol property && RecordParameter(property) is { } parameter)
        {
            read = ReadTag(parameter.GetAttributes());
        }

        return read;
    }

    private static IEnumerable<AttributeData> AttributesWithOverrides(ISymbol member)
    {
        for (var p = member as IPropertySymbol; p is not null; p = p.OverriddenProperty)
        {
            foreach (var a in p.GetAttributes())
            {
                yield return a;
            }
        }

        if (member is IFieldSymbol field)
        {
            foreach (var a in field.GetAttributes())
            {
                yield return a;
            }
        }
    }

    private static TagInfo ReadTag(IEnumerable<AttributeData> attributes)
    {
        var tags = 0;
        var tag = TagKind.None;
        AttributeData? field = null;
        var identity = false;
        var freeText = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass?.ToDisplayString() ?? string.Empty;
            if (!seen.Add(name))
            {
                continue; // the same attribute again on an overridden declaration
            }

            switch (name)
            {
                case AttributeNames.PersonalField:
                    tags++;
                    tag = TagKind.Personal;
                    field = attribute;
                    break;
                case AttributeNames.SensitiveField:
                    tags++;
                    tag = TagKind.Sensitive;
                    field = attribute;
                    break;
                case AttributeNames.DataSubjectId:
                    tags++;
                    tag = TagKind.SubjectId;
                    break;
                case AttributeNames.NotPersonalData:
                    tags++;
                    tag = TagKind.NotPersonal;
                    break;
                case AttributeNames.FreeText:
                    freeText = true;
                    break;
                default:
                    for (var c = attribute.AttributeClass; c is not null; c = c.BaseType)
                    {
                        identity |= IdentityConventions.IsIdentityAttribute(c.ToDisplayString());
                    }

                    break;
            }
        }

        return tags == 0 && identity ? new TagInfo(TagKind.Identity, false, null, freeText) : new TagInfo(tag, tags > 1, field, freeText);
    }

    private static IParameterSymbol? RecordParameter(IPropertySymbol property)
    {
        if (!property.ContainingType.IsRecord)
        {
            return null;
        }

        return property.ContainingType.InstanceConstructors
            .SelectMany(c => c.Parameters)
            .FirstOrDefault(p => p.Name == property.Name && SymbolEqualityComparer.Default.Equals(p.Type, property.Type));
    }
}
