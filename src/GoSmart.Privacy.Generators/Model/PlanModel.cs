using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one type's plan, as strings, enums, bools and equatable arrays —
/// no symbols or syntax — so the generator's pipeline caches by value.
/// </summary>
/// <param name="TypeName">The root type, fully qualified (<c>global::Ns.Contact</c>).</param>
/// <param name="MetadataName">The root type's metadata name (<c>Ns.Outer+Contact</c>): the registry key and sort order.</param>
/// <param name="ClassName">The generated plan class's name.</param>
/// <param name="IsValueType">Whether the root type is a struct.</param>
/// <param name="IsRecursive">Whether the type graph is recursive (walks then guard against cycles).</param>
/// <param name="SubjectIdPath">The subject-id member's name, or <see langword="null"/>.</param>
/// <param name="SubjectId">How the subject id is read from the root (or from <paramref name="SubjectIdOwner"/>), or <see langword="null"/>.</param>
/// <param name="SubjectIdOwner">For an owner derived from a nested object (<c>U.Id</c>): how that object is read from the root.</param>
/// <param name="Members">The plan's members, in the order reflection lists them.</param>
/// <param name="Nodes">One node per place a type appears in the graph; node 0 is the root.</param>
/// <param name="Accessors">The <c>UnsafeAccessor</c> methods the plan needs.</param>
/// <param name="JsonNames">The JSON property names, indexed by steps.</param>
/// <param name="Fallback">Set when the generator cannot emit this plan: why, and where to report it.</param>
internal sealed record PlanModel(
    string TypeName,
    string MetadataName,
    string ClassName,
    bool IsValueType,
    bool IsRecursive,
    string? SubjectIdPath,
    MemberAccess? SubjectId,
    MemberAccess? SubjectIdOwner,
    EquatableArray<MemberModel> Members,
    EquatableArray<NodeModel> Nodes,
    EquatableArray<AccessorModel> Accessors,
    EquatableArray<string> JsonNames,
    FallbackModel? Fallback);

/// <summary>One <c>PersonalMember</c> of the plan, as its constructor arguments.</summary>
internal sealed record MemberModel(
    string Path,
    string ExportName,
    string Category,
    int? SpecialCategory,
    bool IsSubjectId,
    ErasureStrategy Erasure,
    ErasureExemption Exemption,
    string MemberType,
    bool IsWritable,
    int VisibleCharacters,
    int BucketSize,
    bool IsFreeText);

/// <summary>One place a type appears in the plan's graph: a generated write method and redact method.</summary>
/// <param name="Id">The node's number (methods are <c>Write{Id}</c> and <c>Redact{Id}</c>).</param>
/// <param name="TypeName">The type, fully qualified.</param>
/// <param name="IsValueType">Whether the type is a struct (its redact method takes it by reference).</param>
/// <param name="Steps">One step per member the plan visits, in order.</param>
/// <param name="Reachable">Indices of every member reached through this node.</param>
/// <param name="SubjectId">How the subject id that owns a value is read: the type's own, or (with <paramref name="SubjectIdOwner"/>) its nested owner's.</param>
/// <param name="SubjectIdOwner">For a nested owner (<c>U.Id</c>): how that nested object is read from the value.</param>
/// <param name="SubjectIdPath">The owner's path (<c>AuthorId</c>, <c>U.Id</c>), or <see langword="null"/>.</param>
internal sealed record NodeModel(int Id, string TypeName, bool IsValueType, EquatableArray<StepModel> Steps, EquatableArray<int> Reachable, MemberAccess? SubjectId, MemberAccess? SubjectIdOwner, string? SubjectIdPath);

/// <summary>What a step does with its member.</summary>
internal enum StepKind
{
    Scalar,
    ScalarCollection,
    Nested,
    NestedCollection,
}

/// <summary>The container of a collection member.</summary>
internal enum Container
{
    Single,
    Array,
    Collection,
    Dictionary,
}

/// <summary>How a member is set.</summary>
internal enum SetMode
{
    /// <summary>Not at all: the member is read-only or never written.</summary>
    None,

    /// <summary><c>owner.Member = value</c>.</summary>
    Direct,

    /// <summary>Through an <c>UnsafeAccessor</c> setter method.</summary>
    Accessor,

    /// <summary>Through the ref an <c>UnsafeAccessor</c> field accessor returns.</summary>
    FieldRef,
}

/// <summary>How a member is read and written from generated code.</summary>
/// <param name="Name">The member's name as an identifier (escaped when a keyword).</param>
/// <param name="Getter">The accessor method that reads it, or <see langword="null"/> to read it directly.</param>
/// <param name="Set">How it is set.</param>
/// <param name="Setter">The accessor method that writes it (for <see cref="SetMode.Accessor"/> and <see cref="SetMode.FieldRef"/>).</param>
/// <param name="OwnerByRef">Whether accessors take the owner by reference (a struct).</param>
internal sealed record MemberAccess(string Name, string? Getter, SetMode Set, string? Setter, bool OwnerByRef);

/// <summary>
/// One member step of a node. For a scalar, <c>ValueType</c> is the (element) value type and <c>UnderlyingType</c>
/// its non-nullable form; for a nested step, <c>ValueType</c> is the declared value or element type (a struct, or a
/// nullable struct: <c>ValueIsNullable</c>) and <c>UnderlyingType</c> the type whose node redacts it.
/// </summary>
internal sealed record StepModel(
    StepKind Kind,
    int NameIndex,
    MemberAccess Access,
    string DeclaredType,
    bool DeclaredCanBeNull,
    string ValueType,
    string UnderlyingType,
    bool ValueIsNullable,
    bool ValueCanBeNull,
    ValueKind ValueKind,
    ErasureStrategy Strategy,
    int VisibleCharacters,
    int BucketSize,
    bool EraseToEmpty,
    int Index,
    bool IsSubjectId,
    Container Container,
    bool DirectForeach,
    bool CanReplace,
    int ChildNode,
    bool ChildIsValueType,
    bool IsFreeText = false);

/// <summary>The kind of <c>UnsafeAccessor</c>.</summary>
internal enum AccessorKind
{
    Field,
    Getter,
    Setter,
}

/// <summary>One <c>UnsafeAccessor</c> extern method.</summary>
/// <param name="MethodName">The generated method's name.</param>
/// <param name="Kind">Field, getter or setter.</param>
/// <param name="Target">The metadata name of the field or accessor method (<c>_phone</c>, <c>get_Name</c>).</param>
/// <param name="OwnerType">The declaring type, fully qualified.</param>
/// <param name="OwnerByRef">Whether the owner is passed by reference (a struct).</param>
/// <param name="ValueType">The member's type, fully qualified.</param>
internal sealed record AccessorModel(string MethodName, AccessorKind Kind, string Target, string OwnerType, bool OwnerByRef, string ValueType);

/// <summary>Where a diagnostic goes, without holding a syntax tree.</summary>
internal sealed record LocationModel(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>Why a type gets a reflection plan instead of a generated one.</summary>
internal sealed record FallbackModel(string TypeDisplay, string Reason, LocationModel? Location);
