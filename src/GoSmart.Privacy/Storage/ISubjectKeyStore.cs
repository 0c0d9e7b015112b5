namespace GoSmart.Privacy.Storage;

/// <summary>Where subjects' wrapped data keys are kept, and their destruction recorded.</summary>
public interface ISubjectKeyStore
{
    /// <summary>Gets a subject's key record.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="subjectHash">The subject as a keyed hash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, or <see langword="null"/> when the subject never had a key.</returns>
    Task<SubjectKeyRecord?> GetAsync(string tenantId, string subjectHash, CancellationToken cancellationToken);

    /// <summary>Stores a new key unless the subject has a record already (another writer's key, or a tombstone), and returns the stored record.</summary>
    /// <param name="record">The new key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record now stored.</returns>
    Task<SubjectKeyRecord> AddOrGetAsync(SubjectKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Destroys a subject's key, leaving a tombstone (also when there was no key).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="subjectHash">The subject as a keyed hash.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when a live key was destroyed by this call.</returns>
    Task<bool> DestroyAsync(string tenantId, string subjectHash, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Lists live keys after a position, for re-wrapping in batches.</summary>
    /// <param name="after">The last (tenant, subject hash) of the previous batch, or <see langword="null"/>.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, in (tenant, subject hash) order.</returns>
    Task<IReadOnlyList<SubjectKeyRecord>> ListLiveAsync((string TenantId, string SubjectHash)? after, int take, CancellationToken cancellationToken);

    /// <summary>Replaces a live key's wrapping (same data key, new master key).</summary>
    /// <param name="record">The record with its new wrapping.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the key was destroyed meanwhile.</returns>
    Task<bool> RewrapAsync(SubjectKeyRecord record, CancellationToken cancellationToken);
}
