namespace GoSmart.Privacy.Storage;

/// <summary>
/// Where requests are kept. The in-memory store is the default; GoSmart.Privacy.Sqlite and GoSmart.Privacy.PostgreSql
/// keep them durably behind the same interface. Their steps are in the <see cref="IStepLedger"/>, the engines that
/// run them in the <see cref="IEngineRegistry"/>.
/// </summary>
public interface IPrivacyRequestStore
{
    /// <summary>Adds <paramref name="request"/>, unless an open request of the same kind (and purpose) for the same subject exists: then returns that one. Atomic.</summary>
    /// <param name="request">The new request (version 0).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored request: the new one (version 1) or the open duplicate.</returns>
    Task<PrivacyRequest> AddOrGetOpenAsync(PrivacyRequest request, CancellationToken cancellationToken);

    /// <summary>Gets a request.</summary>
    /// <param name="requestId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, or <see langword="null"/>.</returns>
    Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken);

    /// <summary>Replaces a request if its stored version is still <paramref name="request"/>'s <see cref="PrivacyRequest.Version"/>.</summary>
    /// <param name="request">The changed request, carrying the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored request, with the next version.</returns>
    /// <exception cref="PrivacyConcurrencyException">Someone changed the request since it was read.</exception>
    Task<PrivacyRequest> UpdateAsync(PrivacyRequest request, CancellationToken cancellationToken);

    /// <summary>Lists requests, oldest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching requests, streamed.</returns>
    IAsyncEnumerable<PrivacyRequest> QueryAsync(PrivacyRequestQuery query, CancellationToken cancellationToken);
}
