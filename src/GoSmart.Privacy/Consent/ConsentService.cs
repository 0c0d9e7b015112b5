using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy;

/// <summary>The default <see cref="IConsentService"/>: the ledger in an <see cref="IConsentStore"/>, the projection cached per (subject, purpose).</summary>
internal sealed class ConsentService : IConsentService, IDisposable
{
    private readonly CancellationTokenSource _stopWatching = new();
    private readonly IConsentStore _store;
    private readonly ConsentChain _chain;
    private readonly IProcessingRestrictions _restrictions;
    private readonly TimeProvider _time;
    private readonly ConsentOptions _options;
    private readonly ConsentPurposeCatalog _purposes;
    private readonly ConcurrentDictionary<(SubjectRef Subject, string Purpose), State> _cache = new();

    /// <summary>Creates the service. Resolve it from the container: <c>AddConsentLedger</c> registers it.</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="chain">Seals and verifies the chain.</param>
    /// <param name="restrictions">Objections recorded by data-subject requests (Art. 21).</param>
    /// <param name="options">The SDK's options, with the purposes.</param>
    /// <param name="time">The clock.</param>
    public ConsentService(IConsentStore store, ConsentChain chain, IProcessingRestrictions restrictions, IOptions<PrivacyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _chain = chain;
        _restrictions = restrictions;
        _time = time;
        _options = options.Value.Consent;
        _purposes = new ConsentPurposeCatalog(_options);
        if (store.IsShared)
        {
            _ = Task.Run(() => WatchAsync(_stopWatching.Token));
        }
    }

    /// <summary>Stops watching the shared ledger for other instances' changes.</summary>
    public void Dispose()
    {
        _stopWatching.Cancel();
        _stopWatching.Dispose();
    }

    /// <inheritdoc />
    public async Task<ConsentEvent> GrantAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var purpose = _purposes.Find(RequireSubject(grant.Subject).TenantId, grant.Purpose);
        if (!purpose.RequiresConsent)
        {
            throw new PrivacyException($"'{purpose.Key}' rests on {purpose.LegalBasis}, not consent: it takes no grants. Processing is allowed unless the subject objects; record objections with ObjectAsync.");
        }

        var version = grant.NoticeVersion ?? purpose.CurrentVersion;
        if (version != purpose.CurrentVersion && !purpose.Notices.Any(n => n.Version == version))
        {
            throw new PrivacyException($"'{purpose.Key}' has no notice version {version}. Its versions are {string.Join(", ", purpose.Notices.Select(n => n.Version).DefaultIfEmpty(1))}; record the version the subject was shown.");
        }

        var now = _time.GetUtcNow();
        if (grant.ExpiresAt is { } expires && expires <= now)
        {
            throw new PrivacyException($"The grant expires at {expires:O}, which is not after now ({now:O}). Pass a future expiry, or none.");
        }

        if (grant.SubjectAge is { } age)
        {
            var country = grant.Country ?? _options.DefaultCountry;
            if (age < 0 || age > 150)
            {
                throw new PrivacyException($"A subject age of {age} is not an age. Pass the subject's age in years, or none.");
            }

            if (!DigitalConsentAge.CanConsentAlone(age, country) && string.IsNullOrWhiteSpace(grant.Evidence?.ParentalConsentReference))
            {
                throw new PrivacyException($"A subject of {age} is under the age of digital consent ({DigitalConsentAge.For(country)} in {country ?? "the GDPR default"}) and cannot consent alone (Art. 8). Record the holder of parental responsibility's consent in Evidence.ParentalConsentReference.");
            }
        }

        return await AppendAsync(grant.Subject, purpose, ConsentDecision.Granted, version, grant.Method, grant.Source, grant.Evidence, grant.ExpiresAt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ConsentEvent> WithdrawAsync(SubjectRef subject, string purpose, ConsentMethod method, string source, CancellationToken cancellationToken = default)
    {
        var p = _purposes.Find(RequireSubject(subject).TenantId, purpose);
        if (!p.RequiresConsent)
        {
            throw new PrivacyException($"'{p.Key}' rests on {p.LegalBasis}, not consent: there is no consent to withdraw. Record an objection with ObjectAsync.");
        }

        return AppendAsync(subject, p, ConsentDecision.Withdrawn, p.CurrentVersion, method, source, null, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConsentEvent> ObjectAsync(SubjectRef subject, string purpose, ConsentMethod method, string source, CancellationToken cancellationToken = default)
    {
        var p = _purposes.Find(RequireSubject(subject).TenantId, purpose);
        return AppendAsync(subject, p, ConsentDecision.Objected, p.CurrentVersion, method, source, null, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConsentEvent>> RecordGlobalPrivacyControlAsync(SubjectRef subject, string source, CancellationToken cancellationToken = default)
    {
        var events = new List<ConsentEvent>();
        foreach (var purpose in _options.PurposesOf(subject.TenantId).Where(p => p.OptOutByGlobalPrivacyControl))
        {
            events.Add(await AppendAsync(subject, purpose, ConsentDecision.Objected, purpose.CurrentVersion, ConsentMethod.GlobalPrivacyControl, source, null, null, cancellationToken).ConfigureAwait(false));
        }

        return events;
    }

    /// <inheritdoc />
    public async ValueTask<bool> HasConsentAsync(SubjectRef subject, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_store.IsShared)
        {
            // Another instance may have just written: read the ledger itself (read-your-writes across instances).
            var p = _purposes.Find(subject.TenantId, purpose);
            var fresh = StateOf(p, await _store.GetLatestAsync(subject, purpose, cancellationToken).ConfigureAwait(false));
            _cache[(subject, purpose)] = fresh;
            return Allowed(subject, purpose, fresh);
        }

        if (!_cache.TryGetValue((subject, purpose), out var state))
        {
            var p = _purposes.Find(subject.TenantId, purpose);
            var latest = await _store.GetLatestAsync(subject, purpose, cancellationToken).ConfigureAwait(false);
            state = Remember(subject, p, latest);
        }

        return Allowed(subject, purpose, state);
    }

    /// <inheritdoc />
    public bool HasConsent(SubjectRef subject, string purpose)
    {
        if (_cache.TryGetValue((subject, purpose), out var state))
        {
            return Allowed(subject, purpose, state);
        }

        ArgumentNullException.ThrowIfNull(subject);
        var p = _purposes.Find(subject.TenantId, purpose);

        // A cold subject: the store answers once (the in-memory store at once, a database store with one query).
        var latest = _store.GetLatestAsync(subject, purpose, CancellationToken.None).GetAwaiter().GetResult();
        return Allowed(subject, purpose, Remember(subject, p, latest));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SubjectRef> FilterConsentedAsync(IEnumerable<SubjectRef> subjects, string purpose, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        _purposes.RequireDeclaredAnywhere(purpose);
        foreach (var subject in subjects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await HasConsentAsync(subject, purpose, cancellationToken).ConfigureAwait(false))
            {
                yield return subject;
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentEvent> HistoryAsync(SubjectRef subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _store.ReadSubjectAsync(subject, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConsentIntegrityReport> VerifyIntegrityAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var head = await _store.GetHeadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return await _chain.VerifyAsync(tenantId, _store.ReadTenantAsync(tenantId, cancellationToken), head, _store.ReadProjectionAsync(tenantId, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ConsentIntegrityReport> RebuildProjectionAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var head = await _store.GetHeadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var chain = await _chain.VerifyAsync(tenantId, _store.ReadTenantAsync(tenantId, cancellationToken), head, projection: null, cancellationToken).ConfigureAwait(false);
        if (!chain.IsIntact)
        {
            throw new PrivacyException($"The consent chain of tenant '{tenantId}' is broken at event {chain.FirstBrokenSequence} ({chain.Problem}) A projection re-derived from it would not be proof: restore the ledger from a backup first.");
        }

        await _store.RebuildProjectionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        foreach (var key in _cache.Keys.Where(k => k.Subject.TenantId == tenantId).ToList())
        {
            _cache.TryRemove(key, out _);
        }

        return await VerifyIntegrityAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ConsentReceipt CreateReceipt(ConsentEvent consentEvent) => ConsentReceipts.For(consentEvent, _options);

    private static SubjectRef RequireSubject(SubjectRef? subject) =>
        subject ?? throw new PrivacyException("The consent event has no subject. Pass a SubjectRef with the tenant and the subject id.");

    private async Task<ConsentEvent> AppendAsync(SubjectRef subject, ConsentPurpose purpose, ConsentDecision decision, int version, ConsentMethod method, string source, ConsentEvidence? evidence, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        RequireSubject(subject);
        if (!Enum.IsDefined(method))
        {
            throw new PrivacyException($"'{(int)method}' is not a ConsentMethod. Use one of: {string.Join(", ", Enum.GetNames<ConsentMethod>())}.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new PrivacyException("The consent event names no source. Pass the app or page that collected it, e.g. 'crm.web/settings'.");
        }

        var stored = await _store.AppendAsync(new ConsentEvent
        {
            Id = Guid.NewGuid(),
            TenantId = subject.TenantId,
            SubjectId = subject.SubjectId,
            SubjectKind = subject.Kind,
            Purpose = purpose.Key,
            Decision = decision,
            NoticeVersion = version,
            At = _time.GetUtcNow(),
            Method = method,
            Source = source,
            FormReference = evidence?.FormReference,
            TruncatedIp = evidence?.TruncatedIp,
            UserAgent = evidence?.UserAgent,
            ParentalConsentReference = evidence?.ParentalConsentReference,
            ExpiresAt = expiresAt,
        }, cancellationToken).ConfigureAwait(false);

        Telemetry.PrivacyMetrics.ConsentChanged(purpose.Key, decision);

        // Read-your-writes: the very next check in this process sees the event.
        var next = StateOf(purpose, stored);
        _cache.AddOrUpdate((subject, purpose.Key), next, (_, current) => current.Sequence > next.Sequence ? current : next);
        return stored;
    }

    /// <summary>Drops the cached state of each (subject, purpose) another instance changes, so the next check reads it.</summary>
    private async Task WatchAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in _store.WatchAsync(stop).ConfigureAwait(false))
                {
                    _cache.TryRemove((change.Subject, change.Purpose), out _);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // The connection dropped: changes may have been missed, so forget everything and watch again.
                _cache.Clear();
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stop).ConfigureAwait(false);
            }
        }
    }

    private State Remember(SubjectRef subject, ConsentPurpose purpose, ConsentEvent? latest) =>
        _cache.GetOrAdd((subject, purpose.Key), StateOf(purpose, latest));

    private bool Allowed(SubjectRef subject, string purpose, State state)
    {
        if (!state.Allowed)
        {
            return false;
        }

        if (state.ExpiresAt is { } expires && _time.GetUtcNow() >= expires)
        {
            return false;
        }

        return state.RequiresConsent || !_restrictions.HasObjected(subject, purpose);
    }

    private static State StateOf(ConsentPurpose purpose, ConsentEvent? latest) => purpose.RequiresConsent
        ? new State(latest is { Decision: ConsentDecision.Granted } && latest.NoticeVersion >= purpose.MinimumValidVersion, latest?.ExpiresAt, true, latest?.Sequence ?? 0)
        : new State(latest is not { Decision: ConsentDecision.Objected }, null, false, latest?.Sequence ?? 0);

    private readonly record struct State(bool Allowed, DateTimeOffset? ExpiresAt, bool RequiresConsent, long Sequence);
}
