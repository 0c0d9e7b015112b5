namespace GoSmart.Privacy.Storage;

/// <summary>
/// Where the consent ledger's events are kept: append-only, chained per tenant. The current state of a (subject,
/// purpose) is a projection of its events — the newest one. The in-memory store is the default; the SQLite and
/// PostgreSQL stores keep the same contract durably.
/// </summary>
public interface IConsentStore
{
    /// <summary>Appends an event, sealing it after the tenant's head with <see cref="ConsentChain.Seal"/>; atomic per tenant, so concurrent writers keep one chain.</summary>
    /// <param name="draft">The event without its chain fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sealed, stored event.</returns>
    Task<ConsentEvent> AppendAsync(ConsentEvent draft, CancellationToken cancellationToken);

    /// <summary>Gets the newest event of a subject for a purpose: the projection the checks read.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event, or <see langword="null"/> when the subject never decided.</returns>
    Task<ConsentEvent?> GetLatestAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken);

    /// <summary>Reads a subject's events, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The history.</returns>
    IAsyncEnumerable<ConsentEvent> ReadSubjectAsync(SubjectRef subject, CancellationToken cancellationToken);

    /// <summary>Reads a tenant's whole chain in sequence order.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<ConsentEvent> ReadTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Gets the tenant's head: its newest event's sequence and hash.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The head, or <see langword="null"/> for a tenant without events.</returns>
    Task<ConsentChainHead?> GetHeadAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Reads a tenant's projection: for each (subject, purpose), the sequence of the event the checks read as current.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The projection's entries, in any order.</returns>
    IAsyncEnumerable<ConsentProjectionEntry> ReadProjectionAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Rewrites a tenant's projection from its events: each (subject, purpose) points at its newest event.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the projection is rewritten.</returns>
    Task RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Gets whether other processes write to the same ledger (a shared database): checks then read it fresh.</summary>
    bool IsShared => false;

    /// <summary>Yields the (subject, purpose) pairs other processes change, as they commit, so caches can drop them. Stores no other process writes to yield nothing.</summary>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The changes.</returns>
    IAsyncEnumerable<ConsentChange> WatchAsync(CancellationToken cancellationToken) => NoChanges(cancellationToken);

    private static async IAsyncEnumerable<ConsentChange> NoChanges([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
