using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// This instance's place among the engines of every service: its heartbeat with the handlers it hosts, the handlers
/// other services require of a request, and why a step no live instance hosts is waiting.
/// </summary>
internal sealed class EngineRoster(IEngineRegistry engines, PrivacyOptions options, TimeProvider time)
{
    private long _lastHeartbeatTicks;

    /// <summary>Gets this engine instance's id: the owner of the steps it claims.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Tells the registry this instance is alive and which handlers it hosts; at most once per quarter of the heartbeat timeout.</summary>
    /// <param name="services">A scope's provider, from which the handlers are resolved.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the heartbeat is stored (or was not due).</returns>
    public async Task HeartbeatAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = Interlocked.Read(ref _lastHeartbeatTicks);
        if (last != 0 && now.UtcTicks - last < (options.HeartbeatTimeout / 4).Ticks)
        {
            return;
        }

        var handlers = RegisteredHandlers.Of<IErasureHandler>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.Erasure, h.Name))
            .Concat(RegisteredHandlers.Of<IRectificationHandler>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.Rectification, h.Name)))
            .Concat(RegisteredHandlers.Of<IAutomatedDecisionReviewer>(services).Select(h => new HandlerRegistration(PrivacyRequestKind.AutomatedDecisionReview, h.Name)))
            .ToList();
        await engines.HeartbeatAsync(new EngineRegistration(InstanceId, options.ServiceName, handlers, now), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastHeartbeatTicks, now.UtcTicks); // only after the write: a failed heartbeat is retried next time
    }

    /// <summary>
    /// The handlers every service requires for a request of <paramref name="kind"/>: per service, those of its most
    /// recent instance — a new version that drops a handler stops requiring it, while a service that is down keeps
    /// its handlers required.
    /// </summary>
    /// <param name="kind">The request's kind.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The handler names.</returns>
    public async Task<IEnumerable<string>> RequiredHandlersAsync(PrivacyRequestKind kind, CancellationToken cancellationToken)
    {
        if (kind is not (PrivacyRequestKind.Erasure or PrivacyRequestKind.Rectification or PrivacyRequestKind.AutomatedDecisionReview))
        {
            return [];
        }

        var registered = await engines.GetEnginesAsync(cancellationToken).ConfigureAwait(false);
        return registered.GroupBy(e => e.Service, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.HeartbeatAt)!)
            .SelectMany(latest => latest.Handlers.Where(h => h.Kind == kind).Select(h => h.Handler));
    }

    /// <summary>Why a step has not run yet: no live instance hosts its handler; <see langword="null"/> when one does or the step is not pending.</summary>
    /// <param name="step">The step.</param>
    /// <param name="kind">The request's kind.</param>
    /// <param name="registered">The registered engines.</param>
    /// <returns>The explanation, or <see langword="null"/>.</returns>
    public string? Waiting(StepRecord step, PrivacyRequestKind kind, IReadOnlyList<EngineRegistration> registered)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.State != StepState.Pending || step.Handler == StepPlans.RestrictionsStep)
        {
            return null;
        }

        var hosts = registered.Where(e => e.Handlers.Any(h => h.Handler == step.Handler && h.Kind == kind)).ToList();
        var live = hosts.Any(e => e.HeartbeatAt >= time.GetUtcNow() - options.HeartbeatTimeout);
        return live ? null : hosts.Count == 0
            ? $"Waiting: no engine instance hosts '{step.Handler}'."
            : $"Waiting: no live engine instance hosts '{step.Handler}' (service {string.Join(", ", hosts.Select(h => h.Service).Distinct())}, last heartbeat {hosts.Max(h => h.HeartbeatAt):O}).";
    }
}
