using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Storage;

/// <summary>
/// Keeps requests in memory: the default, for tests and single-process hosts that accept losing open
/// requests on restart. Use GoSmart.Privacy.Sqlite or GoSmart.Privacy.PostgreSql in production.
/// </summary>
internal sealed class InMemoryPrivacyRequestStore : IPrivacyRequestStore
{
    private readonly object _gate = new();
    private readonly List<PrivacyRequest> _requests = [];
    private readonly Dictionary<Guid, int> _index = [];

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
}
