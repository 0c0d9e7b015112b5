namespace GoSmart.Privacy.Rules;

/// <summary>How a member was tagged.</summary>
internal enum TagKind
{
    None = 0,
    Personal,
    Sensitive,
    SubjectId,
    NotPersonal,

    /// <summary>ASP.NET Core Identity's <c>[PersonalData]</c> or <c>[ProtectedPersonalData]</c>.</summary>
    Identity,
}

/// <summary>What a member's declared type is, for the plan.</summary>
internal enum MemberShape
{
    /// <summary>A scalar of a supported <see cref="ValueKind"/>, or its nullable form.</summary>
    Scalar = 0,

    /// <summary>An array, collection or string-keyed dictionary of supported scalars.</summary>
    ScalarCollection,

    /// <summary>A type that itself holds tagged members.</summary>
    Nested,

    /// <summary>An array, collection or string-keyed dictionary of such types.</summary>
    NestedCollection,

    /// <summary>Anything else.</summary>
    Unsupported,
}

/// <summary>A member as both builders describe it to <see cref="AnnotationRules"/>: names, tag, strategy and shape.</summary>
internal sealed class TaggedMember
{
    public string TypeName { get; set; } = "";

    public string MemberName { get; set; } = "";

    /// <summary>The member's type as a person reads it, e.g. <c>System.DateTime?</c>.</summary>
    public string MemberTypeDisplay { get; set; } = "";

    public TagKind Tag { get; set; }

    /// <summary>Set when a member carries more than one of the SDK's tags.</summary>
    public bool HasConflictingTags { get; set; }

    public string? Category { get; set; }

    public ErasureStrategy Erasure { get; set; }

    public ErasureExemption Exemption { get; set; }

    public int VisibleCharacters { get; set; } = 4;

    public int BucketSize { get; set; } = 10;

    public ValueKind Kind { get; set; }

    /// <summary>Whether the member carries <c>[FreeText]</c>: its text is scanned for other people's data.</summary>
    public bool IsFreeText { get; set; }

    public MemberShape Shape { get; set; }

    public bool IsWritable { get; set; }

    /// <summary>For a nested member: whether it holds a struct (or nullable struct), which redaction changes as a copy and must write back.</summary>
    public bool IsNestedValueType { get; set; }

    /// <summary>For collections: whether their elements can be replaced or the collection emptied.</summary>
    public bool IsCollectionWritable { get; set; }

    public string MemberTypeFullName { get; set; } = "";

    /// <summary>Whether the member is part of the record's primary key (<see cref="KeyConventions"/>).</summary>
    public bool IsKey { get; set; }

    /// <summary>The full name of the member's type, or of <c>T</c> when it is a <c>Nullable&lt;T&gt;</c>: what a value of it is when it has one.</summary>
    public string ValueTypeFullName { get; set; } = "";
}
