namespace GoSmart.Privacy;

/// <summary>What <see cref="ILegalHolds.PlaceAsync"/> is asked to hold, why, and by whom.</summary>
/// <param name="Scope">What is held.</param>
/// <param name="Target">The subject id, tenant id, category key or handler name, per <paramref name="Scope"/>.</param>
/// <param name="Reason">Why, e.g. <c>litigation: contract dispute</c>.</param>
/// <param name="PlacedBy">Who places it (a user name or service), for the audit trail.</param>
public sealed record LegalHoldPlacement(LegalHoldScope Scope, string Target, string Reason, string PlacedBy)
{
    /// <summary>Gets the tenant the hold is limited to; required for a subject hold, ignored for a tenant hold, <see langword="null"/> for every tenant otherwise.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the case or matter reference, e.g. <c>CASE-2026-114</c>.</summary>
    public string? Reference { get; init; }
}
