using System.Reflection;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>Builds a plan's node tree and flat member list from a type's tags, checking every annotation rule.</summary>
internal sealed class ReflectionPlanBuilder
{
    private static readonly MethodInfo ScalarNodeMethod = typeof(ReflectionPlanBuilder).GetMethod(nameof(ScalarNode), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ScalarCollectionNodeMethod = typeof(ReflectionPlanBuilder).GetMethod(nameof(ScalarCollectionNode), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly List<PersonalMember> _members = [];
    private readonly List<PrivacyAnnotationViolation> _violations = [];
    private readonly Dictionary<Type, TypeNode> _ancestors = [];
    private bool _recursive;

    private ReflectionPlanBuilder()
    {
    }

    public static ReflectionPlan Build(Type root)
    {
        var builder = new ReflectionPlanBuilder();
        var node = builder.BuildNode(root, string.Empty);
        if (builder._violations.Any(v => v.IsError))
        {
            // Every problem at once, errors first, as the analyzers list them: a warning fixed with the errors saves a second round.
            throw new InvalidPrivacyAnnotationException(root, [.. builder._violations.OrderBy(v => !v.IsError)]);
        }

        return new ReflectionPlan(node, builder._members.ToArray(), builder._recursive, node.SubjectIdPath, node.SubjectId);
    }

    private TypeNode BuildNode(Type type, string prefix)
    {
        var node = new TypeNode(type);
        _ancestors[type] = node;
        var discovered = Describe(type);
        foreach (var violation in AnnotationRules.CheckType(TypeName(type), discovered.Select(d => d.Tagged).ToList()))
        {
            _violations.Add(new PrivacyAnnotationViolation(violation.Id, type, violation.MemberName, violation.Message, violation.IsError));
        }

        var nodes = new List<MemberNode>();
        foreach (var (member, tagged, shape, field) in discovered)
        {
            var problems = AnnotationRules.CheckMember(tagged);
            _violations.AddRange(problems.Select(p => new PrivacyAnnotationViolation(p.Id, type, p.MemberName, p.Message, p.IsError)));
            if (problems.Any(p => p.IsError))
            {
                continue;
            }

            MemberNode? memberNode = null;
            var isLeaf = shape.Shape is MemberShape.Scalar or MemberShape.ScalarCollection;
            if (tagged.Tag is TagKind.Personal or TagKind.Sensitive or TagKind.Identity or TagKind.SubjectId && isLeaf)
            {
                memberNode = Leaf(member, tagged, shape, field, prefix);
            }
            else if (tagged.Tag == TagKind.None && shape.Shape is MemberShape.Nested or MemberShape.NestedCollection)
            {
                memberNode = Nested(member, shape, prefix);
            }

            if (memberNode is not null)
            {
                nodes.Add(memberNode);
            }
        }

        node.Members = nodes.ToArray();
        SetOwner(node, discovered);
        _ancestors.Remove(type);
        return node;
    }

    /// <summary>
    /// Where an object's owner is: its own <c>[DataSubjectId]</c>; failing that, the subject id of its first nested
    /// object (a class, not a collection) that has one of its own — the author of a message shaped like
    /// Rocket.Chat's (<c>u: { _id, username }</c>). The generator applies the same rule.
    /// </summary>
    private void SetOwner(TypeNode node, List<(MemberInfo Member, TaggedMember Tagged, TypeShape Shape, PrivacyFieldAttribute? Field)> discovered)
    {
        if (OwnSubjectId(discovered) is { } own)
        {
            node.SubjectId = MemberAccessors.Getter<object?>(own);
            node.SubjectIdPath = own.Name;
            return;
        }

        foreach (var (member, tagged, shape, _) in discovered)
        {
            if (tagged.Tag != TagKind.None || shape.Shape != MemberShape.Nested || shape.ValueType.IsValueType || OwnSubjectId(Describe(shape.ValueType)) is not { } inner)
            {
                continue;
            }

            var readOuter = MemberAccessors.Getter<object?>(member);
            var readInner = MemberAccessors.Getter<object?>(inner);
            node.SubjectId = value => readOuter(value) is { } owner ? readInner(owner) : null;
            node.SubjectIdPath = member.Name + "." + inner.Name;
            return;
        }
    }

    private static MemberInfo? OwnSubjectId(List<(MemberInfo Member, TaggedMember Tagged, TypeShape Shape, PrivacyFieldAttribute? Field)> discovered) =>
        discovered.FirstOrDefault(d => d.Tagged.Tag == TagKind.SubjectId && d.Tagged.Shape == MemberShape.Scalar).Member;

    private List<(MemberInfo Member, TaggedMember Tagged, TypeShape Shape, PrivacyFieldAttribute? Field)> Describe(Type type)
    {
        var result = new List<(MemberInfo, TaggedMember, TypeShape, PrivacyFieldAttribute?)>();
        var members = MemberDiscovery.InstanceMembers(type);
        var reads = members.Select(MemberDiscovery.ReadTags).ToArray();
        var hasExplicitSubjectId = reads.Any(r => r.Tag == TagKind.SubjectId);
        var identityShaped = reads.Any(r => r.Tag == TagKind.Identity);
        var primaryKey = MemberDiscovery.PrimaryKeyMembers(type);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var read = reads[i];
            var memberType = MemberAccessors.MemberType(member);
            var shape = TypeShapes.Classify(member, type);
            var tag = IdentityConventions.Resolve(read.Tag, member.Name, hasExplicitSubjectId, identityShaped);

            var field = read.Field;
            var tagged = new TaggedMember
            {
                TypeName = TypeName(type),
                MemberName = member.Name,
                MemberTypeDisplay = TypeName(memberType),
                MemberTypeFullName = memberType.FullName ?? memberType.Name,
                ValueTypeFullName = (Nullable.GetUnderlyingType(memberType) ?? memberType) is var valueType ? valueType.FullName ?? valueType.Name : string.Empty,
                Tag = tag,
                HasConflictingTags = read.Conflicting,
                Category = tag switch
                {
                    TagKind.Personal => ((PersonalFieldAttribute)field!).Category,
                    TagKind.Sensitive => SpecialCategories.CategoryKey(((SensitiveFieldAttribute)field!).Category),
                    TagKind.Identity => IdentityConventions.CategoryFor(member.Name),
                    TagKind.SubjectId => DataCategories.UniqueId,
                    _ => null,
                },
                Erasure = field?.Erasure ?? (tag == TagKind.SubjectId ? ErasureStrategy.Retain : ErasureStrategy.Erase),
                Exemption = field?.Exemption ?? ErasureExemption.None,
                VisibleCharacters = field?.VisibleCharacters ?? 4,
                BucketSize = field?.BucketSize ?? 10,
                Kind = shape.Kind,
                Shape = shape.Shape,
                IsFreeText = read.FreeText,
                IsWritable = MemberAccessors.IsWritable(member),
                IsNestedValueType = shape.Shape == MemberShape.Nested && shape.ValueType.IsValueType,
                IsCollectionWritable = shape.IsCollectionWritable,
                IsKey = KeyConventions.IsKey(member.Name, member.GetCustomAttributesData().Any(a => a.AttributeType.FullName == KeyConventions.KeyAttribute), primaryKey),
            };
            result.Add((member, tagged, shape, field));
        }

        return result;
    }

    private MemberNode Leaf(MemberInfo member, TaggedMember tagged, TypeShape shape, PrivacyFieldAttribute? field, string prefix)
    {
        var index = _members.Count;
        var memberType = MemberAccessors.MemberType(member);
        var isSubjectId = tagged.Tag == TagKind.SubjectId;
        var special = field is SensitiveFieldAttribute s ? s.Category : (SpecialCategory?)null;
        _members.Add(new PersonalMember(
            prefix + member.Name,
            ExportNames.For(member.Name, field?.ExportName),
            tagged.Category!,
            special,
            isSubjectId,
            tagged.Erasure,
            tagged.Exemption,
            memberType,
            shape.Shape == MemberShape.Scalar ? tagged.IsWritable : tagged.IsWritable || tagged.IsCollectionWritable,
            tagged.VisibleCharacters,
            tagged.BucketSize) { IsFreeText = tagged.IsFreeText });

        var spec = new StrategySpec(tagged.Erasure, tagged.VisibleCharacters, tagged.BucketSize, EraseToEmpty(member));
        var ops = ScalarOpsFactory.For(shape.ValueType, spec);
        var disclose = tagged.Erasure == ErasureStrategy.Retain ? ScalarOpsFactory.For(shape.ValueType, spec with { Strategy = ErasureStrategy.Erase }) : ops; // kept, never disclosed
        var jsonName = ExportNames.For(member.Name, field?.ExportName);
        return shape.Shape == MemberShape.Scalar
            ? (MemberNode)ScalarNodeMethod.MakeGenericMethod(shape.ValueType).Invoke(null, [member, jsonName, ops, disclose, index, spec, isSubjectId, tagged.IsFreeText])!
            : (MemberNode)ScalarCollectionNodeMethod.MakeGenericMethod(shape.ValueType).Invoke(null, [member, jsonName, ops, index, tagged.Erasure, shape.Container])!;
    }

    private MemberNode Nested(MemberInfo member, TypeShape shape, string prefix)
    {
        var jsonName = ExportNames.CamelCase(member.Name);
        var separator = shape.Shape == MemberShape.Nested ? "." : shape.Container == ContainerKind.Dictionary ? "{}." : "[].";
        TypeNode child;
        if (_ancestors.TryGetValue(shape.ValueType, out var ancestor))
        {
            _recursive = true;
            child = ancestor;
        }
        else
        {
            var before = _members.Count;
            child = BuildNode(shape.ValueType, prefix + member.Name + separator);
            child.ReachableIndices.AddRange(Enumerable.Range(before, _members.Count - before));
        }

        var get = MemberAccessors.Getter<object?>(member);
        return shape.Shape == MemberShape.Nested
            ? new NestedMemberNode(jsonName, get, MemberAccessors.Setter<object?>(member), child)
            : new NestedCollectionNode(jsonName, get, shape.Container, TypeShapes.TryGetContainer(MemberAccessors.MemberType(member), out _, out var element) ? element : shape.ValueType, child);
    }

    private static ScalarMemberNode<T> ScalarNode<T>(MemberInfo member, string jsonName, ScalarOps<T> ops, ScalarOps<T> disclose, int index, StrategySpec spec, bool subjectId, bool freeText) =>
        new(jsonName, MemberAccessors.Getter<T>(member), ops.Write, subjectId ? null : CompiledRedaction.Scalar(member, index, spec, ops), disclose, subjectId,
            freeText && typeof(T) == typeof(string) ? new FreeTextMember(MemberAccessors.Getter<string?>(member), MemberAccessors.Setter<string>(member), index, spec.Strategy == ErasureStrategy.Retain) : null);

    private static ScalarCollectionNode<T> ScalarCollectionNode<T>(MemberInfo member, string jsonName, ScalarOps<T> ops, int index, ErasureStrategy strategy, ContainerKind kind)
    {
        var memberType = MemberAccessors.MemberType(member);
        return new(jsonName, MemberAccessors.Getter<object?>(member), MemberAccessors.Setter<object?>(member), memberType.IsAssignableFrom(typeof(T[])), kind, ops, index, strategy);
    }

    private static bool EraseToEmpty(MemberInfo member)
    {
        if (MemberAccessors.MemberType(member) != typeof(string))
        {
            return false;
        }

        var context = new NullabilityInfoContext();
        var info = member switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        return info?.ReadState == NullabilityState.NotNull;
    }

    internal static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? type.Name : type.Namespace + "." + type.Name);
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
