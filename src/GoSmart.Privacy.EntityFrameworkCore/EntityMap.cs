using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>How the handlers reach one entity type's rows, worked out once from the model, the plans and the options.</summary>
internal sealed class EntityMap
{
    /// <summary>Gets the entity type (a hierarchy's root: its rows include the derived types').</summary>
    public required IEntityType EntityType { get; init; }

    /// <summary>Gets the handler's name, e.g. <c>crm.db/Contact</c>.</summary>
    public required string HandlerName { get; init; }

    /// <summary>Gets the plan of the entity's CLR type.</summary>
    public required IPersonalDataPlan Plan { get; init; }

    /// <summary>Gets the tagged CLR types the handler covers: the entity's and its derived types'.</summary>
    public required IReadOnlyCollection<Type> Covers { get; init; }

    /// <summary>Gets the ways to find a subject's rows: own ones, and other people's rows holding the subject's parts.</summary>
    public required IReadOnlyList<SubjectLookup> Lookups { get; init; }

    /// <summary>Gets the primary key, in order: rows are read and erased in its order.</summary>
    public required IReadOnlyList<IProperty> Key { get; init; }

    /// <summary>Gets how rows are erased.</summary>
    public required ErasurePath Erasure { get; init; }

    /// <summary>Gets, for <see cref="ErasurePath.SetBased"/>, each member the statement sets or counts.</summary>
    public IReadOnlyList<SetBasedMember> SetBasedMembers { get; init; } = [];

    /// <summary>
    /// Gets the string columns of the hierarchy's <c>[FreeText]</c> members, which erasure searches for the subject's
    /// mentions (<see cref="IErasureContext.MentionTerms"/>); free text inside owned JSON parts is not searched.
    /// </summary>
    public IReadOnlyList<IProperty> FreeTextColumns { get; init; } = [];

    /// <summary>Gets the property holding the tenant, when the options name one.</summary>
    public IProperty? TenantProperty { get; init; }
}

/// <summary>The way an entity's erasure handler erases.</summary>
internal enum ErasurePath
{
    /// <summary>Key-ordered batches through the change tracker.</summary>
    Tracked,

    /// <summary>One <c>ExecuteUpdate</c> setting constants.</summary>
    SetBased,

    /// <summary>Key-ordered batches that delete the subject's own rows (dependents first).</summary>
    Delete,
}

/// <summary>A member of a set-based erasure: its column, the constant it erases to, and whether it can hold no value.</summary>
/// <param name="Path">The plan member's path (a property name).</param>
/// <param name="Property">The mapped property.</param>
/// <param name="Retained">Whether the plan keeps it (it is counted, not set).</param>
/// <param name="Erased">The value the plan's strategy erases it to.</param>
/// <param name="CanBeNull">Whether the column can hold no value (then only non-null values are counted, as the plan counts them).</param>
internal sealed record SetBasedMember(string Path, IProperty Property, bool Retained, object? Erased, bool CanBeNull);
