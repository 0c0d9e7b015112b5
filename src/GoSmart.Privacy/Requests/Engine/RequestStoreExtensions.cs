using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>Reads the engine needs from the request store, and the one rule of which kinds run handler steps.</summary>
internal static class RequestStoreExtensions
{
    /// <summary>Reads a request that must exist.</summary>
    /// <param name="store">The store.</param>
    /// <param name="requestId">The id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    /// <exception cref="PrivacyException">There is no such request.</exception>
    public static async Task<PrivacyRequest> RequireAsync(this IPrivacyRequestStore store, Guid requestId, CancellationToken cancellationToken) =>
        await store.GetAsync(requestId, cancellationToken).ConfigureAwait(false)
        ?? throw new PrivacyException($"There is no request {requestId}. Check the id, or list the subject's requests with ListAsync.");

    /// <summary>Whether requests of <paramref name="kind"/> run handler steps; access and portability complete when their package is written.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> when they do.</returns>
    public static bool RunsSteps(this PrivacyRequestKind kind) => kind is not (PrivacyRequestKind.Access or PrivacyRequestKind.Portability);
}
