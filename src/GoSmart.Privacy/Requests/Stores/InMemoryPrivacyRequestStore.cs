using System.Runtime.CompilerServices;

namespace GoSmart.Privacy;

/// <summary>
/// Keeps requests and steps in memory: the default, for tests and single-process hosts that accept losing open
/// requests on restart. Use GoSmart.Privacy.Sqlite or GoSmart.Privacy.PostgreSql in production.
/// </summary>
public sealed class InMemoryPrivacyRequestStore : IPrivacyRequestStore
{
    private readonly object _gate = new();
    private readonly List<PrivacyRequest> _requests = [];
    private readonly Dictionary<Guid, int> _index = [];
    private readonly Dictionary<(Guid, string), StepRecord> _steps = [];
    private readonly Dictionary<string, EngineRegistration> _engines = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<PrivacyRequest> AddOrGetOpenAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var open = _requests.FirstOrDefault(r => r.IsOpen && r.Kind == request.Kind && r.Subject == request.Subject && r.OpenRequestKey == request.OpenRequestKey);
            if (open is not null)
            {
                return Task.FromResult(open);
            }

            if (_index.ContainsKey(request.Id))
            {
                throw new PrivacyException($"A request with id {request.Id} already exists. Give each request a new id.");
            }

            var stored = request with { Version = 1 };
            _index[stored.Id] = _requests.Count;
            _requests.Add(stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<PrivacyRequest?> GetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_index.TryGetValue(requestId, out var i) ? _requests[i] : null);
        }
    }

    /// <inheritdoc />
    public Task<PrivacyRequest> UpdateAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (!_index.TryGetValue(request.Id, out var i))
            {
                throw new PrivacyException($"There is no request {request.Id} to update. Submit it first.");
            }

            if (_requests[i].Version != request.Version)
            {
                throw new PrivacyConcurrencyException($"Request {request.Id} changed since it was read (version {request.Version}, now {_requests[i].Version}). Read it again and retry.");
            }

            var stored = request with { Version = request.Version + 1 };
            _requests[i] = stored;
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyRequest> QueryAsync(PrivacyRequestQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        PrivacyRequest[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _requests];
        }

        foreach (var request in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query.Matches(request))
            {
                yield return request;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            _steps[(step.RequestId, step.Handler)] = step;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid requestId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StepRecord> steps = [.. _steps.Values.Where(s => s.RequestId == requestId).OrderBy(s => s.Handler, StringComparer.Ordinal)];
            return Task.FromResult(steps);
        }
    }

    /// <inheritdoc />
    public Task EnsureStepsAsync(Guid requestId, IReadOnlyCollection<string> handlers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        lock (_gate)
        {
            foreach (var handler in handlers)
            {
                _steps.TryAdd((requestId, handler), new StepRecord(requestId, handler, StepState.Pending, 0, now, null, null));
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<StepRecord?> TryClaimStepAsync(Guid requestId, string handler, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_steps.TryGetValue((requestId, handler), out var step) || !StepLeases.IsClaimable(step, now))
            {
                return Task.FromResult<StepRecord?>(null);
            }

            var claimed = StepLeases.Claim(step, owner, now, leaseUntil);
            _steps[(requestId, handler)] = claimed;
            return Task.FromResult<StepRecord?>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<bool> RenewLeaseAsync(Guid requestId, string handler, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_steps.TryGetValue((requestId, handler), out var step) || !StepLeases.IsHeldBy(step, owner))
            {
                return Task.FromResult(false);
            }

            _steps[(requestId, handler)] = step with { LeaseUntil = leaseUntil };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> FinishStepAsync(StepRecord step, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            if (!_steps.TryGetValue((step.RequestId, step.Handler), out var current) || !StepLeases.IsHeldBy(current, owner))
            {
                return Task.FromResult(false);
            }

            _steps[(step.RequestId, step.Handler)] = step with { Owner = null, LeaseUntil = null };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(EngineRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_gate)
        {
            _engines[registration.InstanceId] = registration;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RetireServiceAsync(string service, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var id in _engines.Where(e => e.Value.Service == service).Select(e => e.Key).ToList())
            {
                _engines.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EngineRegistration>> GetEnginesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<EngineRegistration>>([.. _engines.Values]);
        }
    }
}
