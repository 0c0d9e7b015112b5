namespace GoSmart.Privacy;

/// <summary>
/// An order to keep data despite erasure and retention — litigation, an investigation, an authority's request — with
/// who placed it, when, why and under which case reference. While it is active, erasure requests complete with the
/// held areas reported under <see cref="ErasureExemption.LegalHold"/> (never silent) and the retention sweeper skips
/// held records; releasing it runs again exactly the erasure steps it blocked.
/// </summary>
public sealed record LegalHold
{
    /// <summary>Gets the hold's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets what is held.</summary>
    public required LegalHoldScope Scope { get; init; }

    /// <summary>Gets the tenant the hold is limited to, or <see langword="null"/> for every tenant (category and handler holds only).</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets what is held, per <see cref="Scope"/>: the subject id, the tenant id, the category key or the handler's name.</summary>
    public required string Target { get; init; }

    /// <summary>Gets why the data is held, e.g. <c>litigation: contract dispute</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the case or matter reference, if any, e.g. <c>CASE-2026-114</c>.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets who placed the hold.</summary>
    public required string PlacedBy { get; init; }

    /// <summary>Gets when the hold was placed.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>Gets who released the hold, once released.</summary>
    public string? ReleasedBy { get; init; }

    /// <summary>Gets when the hold was released, or <see langword="null"/> while it is active.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Gets whether the hold is active (not released).</summary>
    public bool IsActive => ReleasedAt is null;

    /// <summary>Gets whether this hold, while active, holds the data of <paramref name="subject"/> in the area of <paramref name="handler"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="handler">The handler's name.</param>
    /// <param name="categories">The data categories the handler's area holds.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public bool Holds(SubjectRef subject, string handler, IReadOnlySet<string> categories)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Holds(subject.TenantId, subject.SubjectId, handler, categories);
    }

    /// <summary>Gets whether this hold, while active, holds a record of <paramref name="tenantId"/> (of a subject, or of no one) in a handler's area.</summary>
    /// <param name="tenantId">The record's tenant.</param>
    /// <param name="subjectId">The record's subject, or <see langword="null"/> when it has none (only tenant, category and handler holds hold it).</param>
    /// <param name="handler">The handler's name.</param>
    /// <param name="categories">The data categories the handler's area holds.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public bool Holds(string tenantId, string? subjectId, string handler, IReadOnlySet<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (!IsActive || (TenantId is not null && !string.Equals(TenantId, tenantId, StringComparison.Ordinal)))
        {
            return false;
        }

        return Scope switch
        {
            LegalHoldScope.Subject => string.Equals(Target, subjectId, StringComparison.Ordinal),
            LegalHoldScope.Tenant => string.Equals(Target, tenantId, StringComparison.Ordinal),
            LegalHoldScope.Category => categories.Contains(Target),
            _ => string.Equals(Target, handler, StringComparison.Ordinal),
        };
    }
}
