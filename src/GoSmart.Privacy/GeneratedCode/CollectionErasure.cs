using System.ComponentModel;
namespace GoSmart.Privacy.GeneratedCode;

/// <summary>What <see cref="CollectionRedaction.Empty{TElement}"/> did, or asks its caller to do.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CollectionErasure
{
    /// <summary>The collection was emptied in place (or its array cleared).</summary>
    Emptied = 0,

    /// <summary>The caller must replace the member's value with an empty array.</summary>
    ReplaceWithEmptyArray = 1,

    /// <summary>The collection is read-only and the member cannot be replaced: report it as not writable.</summary>
    NotWritable = 2,
}
