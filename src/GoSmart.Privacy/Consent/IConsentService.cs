namespace GoSmart.Privacy;

/// <summary>
/// The consent ledger (Art. 7): records grants, withdrawals and objections with their evidence, proves them with a
/// hash chain, and answers — on hot paths, from a cache that every write updates — whether a purpose is allowed.
/// </summary>
public interface IConsentService
{
    /// <summary>Records a grant.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored event.</returns>
    /// <exception cref="PrivacyException">Unknown purpose, a notice version that does not exist, a purpose whose legal basis is not consent, a child without parental consent; nothing is recorded.</exception>
    Task<ConsentEvent> GrantAsync(ConsentGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Withdraws consent — one call, effective for the very next check (Art. 7(3)).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="method">How the withdrawal arrived (e.g. the e-mail's unsubscribe link).</param>
    /// <param name="source">Where.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored event.</returns>
    Task<ConsentEvent> WithdrawAsync(SubjectRef subject, string purpose, ConsentMethod method, string source, CancellationToken cancellationToken = default);

    /// <summary>Records an objection (Art. 21) to a purpose of any legal basis.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="method">How it arrived.</param>
    /// <param name="source">Where.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored event.</returns>
    Task<ConsentEvent> ObjectAsync(SubjectRef subject, string purpose, ConsentMethod method, string source, CancellationToken cancellationToken = default);

    /// <summary>Records a Global Privacy Control signal: an objection to every purpose configured as sale, sharing or targeted marketing.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="source">Where the signal arrived.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored events, one per purpose.</returns>
    Task<IReadOnlyList<ConsentEvent>> RecordGlobalPrivacyControlAsync(SubjectRef subject, string source, CancellationToken cancellationToken = default);

    /// <summary>Whether processing for <paramref name="purpose"/> is allowed: for consent, a current grant under the latest material notice; for other legal bases, no objection.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    ValueTask<bool> HasConsentAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken = default);

    /// <summary>The same answer as <see cref="HasConsentAsync"/>, synchronously from the cache, for hot paths.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    bool HasConsent(SubjectRef subject, string purpose);

    /// <summary>Yields the subjects for whom <paramref name="purpose"/> is allowed, e.g. the recipients of a newsletter.</summary>
    /// <param name="subjects">The candidates.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The allowed subjects, in order.</returns>
    IAsyncEnumerable<SubjectRef> FilterConsentedAsync(IEnumerable<SubjectRef> subjects, string purpose, CancellationToken cancellationToken = default);

    /// <summary>Reads a subject's whole consent history, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<ConsentEvent> HistoryAsync(SubjectRef subject, CancellationToken cancellationToken = default);

    /// <summary>Checks a tenant's chain and reports the first event where it breaks.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The report.</returns>
    Task<ConsentIntegrityReport> VerifyIntegrityAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-derives a tenant's projection (each subject's current decision per purpose) from its verified chain, after
    /// <see cref="VerifyIntegrityAsync"/> found it pointing at the wrong events, and checks again.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report after the rebuild.</returns>
    /// <exception cref="PrivacyException">The chain itself is broken: a projection derived from it would prove nothing; nothing is changed.</exception>
    Task<ConsentIntegrityReport> RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Renders an event as a Kantara Consent Receipt v1.1.</summary>
    /// <param name="consentEvent">The event.</param>
    /// <returns>The receipt.</returns>
    ConsentReceipt CreateReceipt(ConsentEvent consentEvent);
}
