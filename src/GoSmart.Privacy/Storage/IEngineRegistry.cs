namespace GoSmart.Privacy.Storage;

/// <summary>The engine instances of every service and the handlers each runs, kept fresh by their heartbeats.</summary>
public interface IEngineRegistry
{
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
}
