namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>How a member holds its values.</summary>
internal enum ContainerKind
{
    /// <summary>One value.</summary>
    Single = 0,

    /// <summary>A one-dimensional array.</summary>
    Array,

    /// <summary>A string-keyed dictionary, exported as a JSON object.</summary>
    Dictionary,

    /// <summary>Any other enumerable, exported as a JSON array.</summary>
    Collection,
}
