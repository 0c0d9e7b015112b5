using System.Reflection;
using System.Runtime.CompilerServices;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>The tags found on one member.</summary>
internal readonly record struct TagRead(TagKind Tag, bool Conflicting, PrivacyFieldAttribute? Field, string? IdentityMemberName, bool FreeText = false);

/// <summary>
/// Finds a type's instance properties and fields (public and not, inherited included) in the order plans
/// use — base types first; in each type properties, then fields, in declaration order — and reads their tags.
/// </summary>
internal static class MemberDiscovery
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<MemberInfo> InstanceMembers(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            chain.Add(t);
        }

        chain.Reverse();
        var order = new List<string>();
        var byName = new Dictionary<string, MemberInfo>(StringComparer.Ordinal);
        foreach (var t in chain)
        {
            var properties = t.GetProperties(Declared).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null).OrderBy(p => p.MetadataToken);
            var fields = t.GetFields(Declared).Where(f => !f.IsDefined(typeof(CompilerGeneratedAttribute)) && !f.Name.Contains('<', StringComparison.Ordinal)).OrderBy(f => f.MetadataToken);
            foreach (var member in properties.Cast<MemberInfo>().Concat(fields))
            {
                if (!byName.ContainsKey(member.Name))
                {
                    order.Add(member.Name);
                }

                byName[member.Name] = member; // the most derived declaration wins (overrides, 'new')
            }
        }

        if (type.IsInterface)
        {
            foreach (var p in type.GetInterfaces().SelectMany(i => i.GetProperties()).Where(p => p.GetIndexParameters().Length == 0))
            {
                if (byName.TryAdd(p.Name, p))
                {
                    order.Add(p.Name);
                }
            }
        }

        return order.Select(n => byName[n]).ToArray();
    }

    public static TagRead ReadTags(MemberInfo member)
    {
        var read = ReadTags(Attribute.GetCustomAttributes(member, inherit: true), member.Name);
        if (read.Tag == TagKind.None && member is PropertyInfo property)
        {
            var parameter = RecordParameter(property);
            if (parameter is not null)
            {
                read = ReadTags(Attribute.GetCustomAttributes(parameter, inherit: true), member.Name);
            }
        }

        return read;
    }

    private static TagRead ReadTags(Attribute[] attributes, string memberName)
    {
        var tags = 0;
        var tag = TagKind.None;
        PrivacyFieldAttribute? field = null;
        var identity = false;
        var freeText = false;
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case PersonalFieldAttribute p:
                    tags++;
                    tag = TagKind.Personal;
                    field = p;
                    break;
                case SensitiveFieldAttribute s:
                    tags++;
                    tag = TagKind.Sensitive;
                    field = s;
                    break;
                case DataSubjectIdAttribute:
                    tags++;
                    tag = TagKind.SubjectId;
                    break;
                case NotPersonalDataAttribute:
                    tags++;
                    tag = TagKind.NotPersonal;
                    break;
                case FreeTextAttribute:
                    freeText = true;
                    break;
                default:
                    identity |= IsIdentityAttribute(attribute.GetType());
                    break;
            }
        }

        if (tags == 0 && identity)
        {
            return new TagRead(TagKind.Identity, false, null, memberName, freeText);
        }

        return new TagRead(tag, tags > 1, field, null, freeText);
    }

    private static bool IsIdentityAttribute(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (IdentityConventions.IsIdentityAttribute(t.FullName ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For a positional record, the primary-constructor parameter a property was declared by: tags written without <c>property:</c> land there.</summary>
    private static ParameterInfo? RecordParameter(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        if (type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is null && !IsRecordStruct(type))
        {
            return null;
        }

        return type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => p.Name == property.Name && p.ParameterType == property.PropertyType);
    }

    /// <summary>The members EF Core's <c>[PrimaryKey(…)]</c> on the type (or a base type) names, read by metadata name.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The member names.</returns>
    public static List<string> PrimaryKeyMembers(Type type)
    {
        var names = new List<string>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetCustomAttributesData().Where(a => a.AttributeType.FullName == KeyConventions.PrimaryKeyAttribute))
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Value is IEnumerable<CustomAttributeTypedArgument> values)
                    {
                        names.AddRange(values.Select(v => v.Value as string).OfType<string>());
                    }
                    else if (argument.Value is string name)
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    private static bool IsRecordStruct(Type type) =>
        type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is { } m && m.IsDefined(typeof(CompilerGeneratedAttribute));
}
