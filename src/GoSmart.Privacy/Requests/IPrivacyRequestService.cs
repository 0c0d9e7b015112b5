using GoSmart.Privacy.Certificates;
namespace GoSmart.Privacy;

/// <summary>
/// The data-subject request engine: every right of the policy, across every registered handler, exactly once.
/// Requests are verified before anything runs, answered within the Art. 12(3) deadline, and audited.
/// </summary>
public interface IPrivacyRequestService
{
    /// <summary>Opens a request, or returns the open request of the same kind for the same subject. Verification starts at once.</summary>
    /// <param name="submission">What is asked, for whom.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request as it stands after verification (and, when verified, after processing).</returns>
    /// <exception cref="PrivacyException">The submission is invalid; nothing is stored.</exception>
    Task<PrivacyRequest> SubmitAsync(PrivacyRequestSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Records that the requester's identity was confirmed out of band; the request proceeds.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    Task<PrivacyRequest> ConfirmIdentityAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Rejects an open request (identity not verified, or manifestly unfounded or excessive, Art. 12(5)).</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="reason">Why; recorded and told to the subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    Task<PrivacyRequest> RejectAsync(Guid requestId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Cancels an open request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    Task<PrivacyRequest> CancelAsync(Guid requestId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Extends the deadline once, by one or two months, with a reason, within the first month (Art. 12(3)).</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="additionalMonths">1 or 2.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request with its new deadline.</returns>
    Task<PrivacyRequest> ExtendDeadlineAsync(Guid requestId, int additionalMonths, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gets a request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request, or <see langword="null"/>.</returns>
    Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Lists requests: by tenant, subject, status, kind, or those overdue at a time.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The requests, oldest first.</returns>
    IAsyncEnumerable<PrivacyRequest> ListAsync(PrivacyRequestQuery query, CancellationToken cancellationToken = default);

    /// <summary>Runs the handlers of a verified erasure, rectification, restriction or objection request. Completed steps never run again.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Stops processing; started steps run again on resume.</param>
    /// <returns>The request in its final status.</returns>
    Task<PrivacyRequest> ProcessAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Runs a failed request again: only the steps that did not complete.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request in its final status.</returns>
    Task<PrivacyRequest> RetryAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers this instance's handlers (a heartbeat) and processes every request in progress, running only the steps of
    /// handlers this instance hosts and skipping completed ones: call it at start-up and then periodically — it is how
    /// a restarted instance resumes, and how one service runs its steps of requests submitted through another.
    /// </summary>
    /// <param name="cancellationToken">Stops processing.</param>
    /// <returns>How many requests were resumed.</returns>
    Task<int> ResumeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets a service that was shut down for good: its handlers stop being required by new requests. (A service that is
    /// only down keeps its handlers required, so requests wait for it instead of completing without it.)
    /// </summary>
    /// <param name="service">The service's name, as its instances set <see cref="PrivacyOptions.ServiceName"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service is forgotten.</returns>
    Task RetireServiceAsync(string service, CancellationToken cancellationToken = default);

    /// <summary>Streams the package of a verified access or portability request to <paramref name="destination"/>, and completes the request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="destination">Where the package goes (a file, an HTTP response body).</param>
    /// <param name="format">JSON or zip.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The completed request.</returns>
    Task<PrivacyRequest> WriteAccessPackageAsync(Guid requestId, Stream destination, AccessPackageFormat format, CancellationToken cancellationToken = default);

    /// <summary>Opens (and runs) an erasure of a subject the controller learned is under 13 (policy section 8). No identity check: the controller acts.</summary>
    /// <param name="subject">The child.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    Task<PrivacyRequest> EraseUnderageSubjectAsync(SubjectRef subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// After the application's data was restored from a backup taken at <paramref name="since"/>, erases again every
    /// subject whose erasure completed at or after that time — once per subject, however many erasures they had — as
    /// controller erasures that run at once (legal holds apply as to any erasure). The replay ledger must not have been
    /// rolled back with the data (docs/operations.md).
    /// </summary>
    /// <param name="since">When the restored backup was taken.</param>
    /// <param name="cancellationToken">Cancels the replay; calling it again re-applies what remains (erasing erased data changes nothing).</param>
    /// <returns>What was re-erased, subject by subject.</returns>
    /// <exception cref="PrivacyException">An entry does not open with this engine's pseudonym key; nothing was replayed.</exception>
    Task<ErasureReplayReport> ReplayErasuresAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Gets what a request did, handler by handler, and for erasure the tagged types no handler covers.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    Task<PrivacyRequestReport> GetReportAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Gets the signed certificate of a completed erasure.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="PrivacyException">The request is not a completed erasure.</exception>
    Task<ErasureCertificate> GetErasureCertificateAsync(Guid requestId, CancellationToken cancellationToken = default);

    /// <summary>Whether a certificate was issued under this host's certificate key and is unchanged.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns><see langword="true"/> when genuine.</returns>
    bool VerifyCertificate(ErasureCertificate certificate);

    /// <summary>Gets the tagged types with a subject id that no erasure handler covers: their data is not erased by any request.</summary>
    IReadOnlyList<string> UncoveredTypes { get; }
}
