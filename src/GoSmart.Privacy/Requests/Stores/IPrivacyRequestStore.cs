namespace GoSmart.Privacy;

/// <summary>
/// Where requests and their steps are kept. The in-memory store is the default; GoSmart.Privacy.Sqlite and
/// GoSmart.Privacy.PostgreSql keep them durably behind the same interface.
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

    /// <summary>Writes a step record, replacing the previous record of the same (request, handler).</summary>
    /// <param name="step">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken);

    /// <summary>Creates a <see cref="StepState.Pending"/> step for each handler that has none yet for the request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handlers">The handler names the request needs.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the steps exist.</returns>
    Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a step for <paramref name="owner"/>, atomically: a pending step, or a started one whose lease has ended
    /// (its owner crashed), becomes started, owned and leased until <paramref name="leaseUntil"/>, with one more attempt.
    /// </summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="owner">The claiming engine instance.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the lease ends unless renewed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed step, or <see langword="null"/> when it is completed, failed, or held by another live instance.</returns>
    Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends the lease of a step its owner still holds.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="leaseUntil">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner no longer holds the step.</returns>
    Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Writes a claimed step's outcome (completed, failed, or pending again when released) if <paramref name="owner"/> still holds it.</summary>
    /// <param name="step">The outcome.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the owner no longer holds the step: the outcome is not written.</returns>
    Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken);

    /// <summary>Registers an engine instance and its handlers, or refreshes its heartbeat.</summary>
    /// <param name="registration">The instance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task HeartbeatAsync(EngineRegistration registration, CancellationToken cancellationToken);

    /// <summary>Removes every registration of a service that was shut down for good.</summary>
    /// <param name="service">The service.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when removed.</returns>
    Task RetireServiceAsync(string service, CancellationToken cancellationToken);

    /// <summary>Gets every registered engine instance, live or not.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The registrations.</returns>
    Task<IReadOnlyList<EngineRegistration>> GetEnginesAsync(CancellationToken cancellationToken);

    /// <summary>Gets every step record of a request.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records, by handler name.</returns>
    Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken);
}

/// <summary>Where restrictions of processing (Art. 18) and objections (Art. 21) are kept.</summary>
public interface IRestrictionStore
{
    /// <summary>Sets or lifts the restriction of a subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="restricted">Whether processing is restricted.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records an objection of a subject to one purpose.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets whether a subject's processing is restricted.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when restricted.</returns>
    Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken);

    /// <summary>Gets the purposes a subject objected to.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The purpose keys.</returns>
    Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken);

    /// <summary>Gets whether other processes write to the same store (a shared database): cached answers then expire.</summary>
    bool IsShared => false;
}

/// <summary>Where audit events are appended. Append-only.</summary>
public interface IPrivacyAuditLog
{
    /// <summary>Appends an event.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Lists a request's events in order.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, CancellationToken cancellationToken);
}

/// <summary>Thrown when a request changed between reading and writing it: read it again and retry.</summary>
public sealed class PrivacyConcurrencyException : PrivacyException
{
    /// <summary>Initializes a new instance.</summary>
    public PrivacyConcurrencyException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public PrivacyConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
