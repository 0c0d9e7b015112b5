namespace GoSmart.Privacy;

/// <summary>
/// Legal holds: placing, listing and releasing them, each audited. A hold keeps data despite erasure requests (the
/// held areas are reported under <see cref="ErasureExemption.LegalHold"/>) and the retention sweeper; releasing it
/// queues again exactly the erasure steps it blocked, and runs them.
/// </summary>
public interface ILegalHolds
{
    /// <summary>Places a hold.</summary>
    /// <param name="placement">What is held, why and by whom.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active hold.</returns>
    /// <exception cref="PrivacyException">The placement is incomplete: no target, reason or placer, a subject hold without a tenant, or an undefined scope.</exception>
    Task<LegalHold> PlaceAsync(LegalHoldPlacement placement, CancellationToken cancellationToken = default);

    /// <summary>Releases a hold and runs again the erasure steps it blocked (those still held by another hold stay held, reported under that one).</summary>
    /// <param name="holdId">The hold.</param>
    /// <param name="releasedBy">Who releases it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The released hold and the requests queued again.</returns>
    /// <exception cref="PrivacyException">There is no such hold, or it was already released.</exception>
    Task<LegalHoldRelease> ReleaseAsync(Guid holdId, string releasedBy, CancellationToken cancellationToken = default);

    /// <summary>Gets one hold.</summary>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hold, or <see langword="null"/>.</returns>
    Task<LegalHold?> GetAsync(Guid holdId, CancellationToken cancellationToken = default);

    /// <summary>Lists holds, oldest first.</summary>
    /// <param name="tenantId">Only holds that apply to this tenant (its own and those for every tenant); <see langword="null"/> for all.</param>
    /// <param name="includeReleased">Whether released holds are listed too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The holds.</returns>
    Task<IReadOnlyList<LegalHold>> ListAsync(string? tenantId = null, bool includeReleased = false, CancellationToken cancellationToken = default);

    /// <summary>Gets the active holds on a subject's data in one handler's area.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="handler">The handler's name.</param>
    /// <param name="categories">The data categories the area holds (for category holds).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The holds; empty when the data may be erased.</returns>
    Task<IReadOnlyList<LegalHold>> HoldingAsync(SubjectRef subject, string handler, IReadOnlySet<string> categories, CancellationToken cancellationToken = default);
}
