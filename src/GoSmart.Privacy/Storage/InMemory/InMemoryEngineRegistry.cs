namespace GoSmart.Privacy.Storage;

/// <summary>Keeps the engine registrations of one process in memory.</summary>
internal sealed class InMemoryEngineRegistry : IEngineRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EngineRegistration> _engines = new(StringComparer.Ordinal);

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
