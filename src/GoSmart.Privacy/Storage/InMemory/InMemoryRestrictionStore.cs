namespace GoSmart.Privacy.Storage;

/// <summary>Keeps restrictions and objections in memory.</summary>
internal sealed class InMemoryRestrictionStore : IRestrictionStore
{
    private readonly object _gate = new();
    private readonly HashSet<SubjectRef> _restricted = [];
    private readonly Dictionary<SubjectRef, HashSet<string>> _objections = [];

    /// <inheritdoc />
    public Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        lock (_gate)
        {
            if (restricted)
            {
                _restricted.Add(subject);
            }
            else
            {
                _restricted.Remove(subject);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        lock (_gate)
        {
            if (!_objections.TryGetValue(subject, out var purposes))
            {
                _objections[subject] = purposes = new HashSet<string>(StringComparer.Ordinal);
            }

            purposes.Add(purpose);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_restricted.Contains(subject));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyCollection<string> purposes = _objections.TryGetValue(subject, out var set) ? [.. set] : [];
            return Task.FromResult(purposes);
        }
    }
}
