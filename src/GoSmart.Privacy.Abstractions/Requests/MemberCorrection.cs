namespace GoSmart.Privacy;

/// <summary>One correction of a rectification request (Art. 16): the tagged member and its new value.</summary>
/// <param name="EntityType">The tagged type, by simple or full name (<c>Contact</c> or <c>Crm.Contact</c>).</param>
/// <param name="MemberPath">The member's path in that type's plan (<c>Email</c>, <c>Address.Street</c>).</param>
/// <param name="Value">The corrected value as text, or <see langword="null"/> to clear it.</param>
public sealed record MemberCorrection(string EntityType, string MemberPath, string? Value)
{
    /// <summary>Whether the correction is about <paramref name="type"/>.</summary>
    /// <param name="type">A tagged type.</param>
    /// <returns><see langword="true"/> when <see cref="EntityType"/> names it.</returns>
    public bool IsFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return EntityType == type.Name || EntityType == type.FullName;
    }
}
