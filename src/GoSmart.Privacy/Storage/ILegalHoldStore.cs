namespace GoSmart.Privacy.Storage;

/// <summary>Where legal holds are kept, with the erasure steps each one blocked (so releasing it queues exactly those again).</summary>
public interface ILegalHoldStore
{
    /// <summary>Stores a new hold.</summary>
    /// <param name="hold">The hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddAsync(LegalHold hold, CancellationToken cancellationToken);

    /// <summary>Gets a hold.</summary>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hold, or <see langword="null"/>.</returns>
    Task<LegalHold?> GetAsync(Guid holdId, CancellationToken cancellationToken);

    /// <summary>Lists holds, oldest first.</summary>
    /// <param name="includeReleased">Whether released holds are listed too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The holds.</returns>
    Task<IReadOnlyList<LegalHold>> ListAsync(bool includeReleased, CancellationToken cancellationToken);

    /// <summary>Stores the release of a hold, only while it is still active.</summary>
    /// <param name="released">The hold with <see cref="LegalHold.ReleasedAt"/> and <see cref="LegalHold.ReleasedBy"/> set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the hold does not exist or was already released.</returns>
    Task<bool> ReleaseAsync(LegalHold released, CancellationToken cancellationToken);

    /// <summary>Records that a hold blocked a request's erasure step (idempotent).</summary>
    /// <param name="step">The blocked step.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task RecordBlockedAsync(HeldStep step, CancellationToken cancellationToken);

    /// <summary>Gets the steps a hold blocked.</summary>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The steps, in the order they were blocked.</returns>
    Task<IReadOnlyList<HeldStep>> GetBlockedAsync(Guid holdId, CancellationToken cancellationToken);
}
