using GoSmart.Privacy.Rules;
using Microsoft.CodeAnalysis;

namespace GoSmart.Privacy.Generators.Parsing;

/// <summary>Describes a type's members as <see cref="TaggedMember"/>s, the form <see cref="AnnotationRules"/> checks.</summary>
internal static class TaggedMemberReader
{
    /// <summary>Type names as the reflection builder prints them (<c>System.Int32?</c>, <c>System.String[]</c>), so messages match.</summary>
    private static readonly SymbolDisplayFormat RuntimeStyle = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static List<(ISymbol Symbol, TaggedMember Tagged)> Describe(ITypeSymbol type)
    {
        var members = MemberReader.InstanceMembers(type);
        var reads = members.Select(MemberReader.ReadTag).ToArray();
        var hasExplicitSubjectId = reads.Any(r => r.Tag == TagKind.SubjectId);
        var identityShaped = reads.Any(r => r.Tag == TagKind.Identity);
        var typeName = type.ToDisplayString(RuntimeStyle);
        var primaryKey = PrimaryKeyMembers(type);
        var result = new List<(ISymbol, TaggedMember)>();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var read = reads[i];
            var memberType = MemberReader.TypeOf(member);
            var shape = SymbolShapes.Classify(member, type, out var valueType, out var collectionWritable);
            var tag = IdentityConventions.Resolve(read.Tag, member.Name, hasExplicitSubjectId, identityShaped);

            var field = read.Field;
            var tagged = new TaggedMember
            {
                TypeName = typeName,
                MemberName = member.Name,
                MemberTypeDisplay = memberType.ToDisplayString(RuntimeStyle),
                MemberTypeFullName = SymbolShapes.FullName(memberType),
                ValueTypeFullName = SymbolShapes.FullName(memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : memberType),
                Tag = tag,
                HasConflictingTags = read.Conflicting,
                Category = tag switch
                {
                    TagKind.Personal => field!.ConstructorArguments.Length == 0 ? "user" : field.ConstructorArguments[0].Value as string,
                    TagKind.Sensitive => SpecialKey(field!),
                    TagKind.Identity => IdentityConventions.CategoryFor(member.Name),
                    TagKind.SubjectId => "user.unique_id",
                    _ => null,
                },
                Erasure = (ErasureStrategy)Named(field, "Erasure", tag == TagKind.SubjectId ? (int)ErasureStrategy.Retain : (int)ErasureStrategy.Erase),
                Exemption = (ErasureExemption)Named(field, "Exemption", 0),
                VisibleCharacters = Named(field, "VisibleCharacters", 4),
                BucketSize = Named(field, "BucketSize", 10),
                Kind = shape is MemberShape.Scalar or MemberShape.ScalarCollection ? SymbolShapes.KindOf(valueType) : ValueKind.Unsupported,
                Shape = shape,
                IsFreeText = read.FreeText,
                IsWritable = MemberReader.IsWritable(member),
                IsNestedValueType = shape == MemberShape.Nested && valueType.IsValueType,
                IsCollectionWritable = collectionWritable,
                IsKey = KeyConventions.IsKey(member.Name, member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KeyConventions.KeyAttribute), primaryKey),
            };
            result.Add((member, tagged));
        }

        return result;
    }

    /// <summary>The members EF Core's <c>[PrimaryKey(…)]</c> on the type (or a base type) names.</summary>
    private static List<string> PrimaryKeyMembers(ITypeSymbol type)
    {
        var names = new List<string>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != KeyConventions.PrimaryKeyAttribute)
                {
                    continue;
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        names.AddRange(argument.Values.Select(v => v.Value as string).Where(n => n is not null)!);
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

    private static string SpecialKey(AttributeData field)
    {
        var value = field.ConstructorArguments.Length == 1 && field.ConstructorArguments[0].Value is int i ? i : 0;
        return SpecialCategoryKeys.For(value) ?? string.Empty;
    }

    private static int Named(AttributeData? field, string name, int fallback)
    {
        if (field is null)
        {
            return fallback;
        }

        foreach (var pair in field.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is int value)
            {
                return value;
            }
        }

        return fallback;
    }
}
