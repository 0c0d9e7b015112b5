using GoSmart.Privacy.Requests.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// What the host registered, read once when the engine is created: the handler registrations are checked (before
/// any request is accepted), erasure coverage is worked out and every uncovered tagged type logged, and whether
/// anyone reviews automated decisions. Handlers themselves are resolved per request, from that request's scope.
/// </summary>
internal sealed class RegisteredHandlers
{
    /// <summary>Reads the registrations.</summary>
    /// <param name="scopes">Creates the scope handlers are resolved from.</param>
    /// <param name="options">The SDK's options.</param>
    /// <param name="logger">Where uncovered types are reported.</param>
    /// <exception cref="PrivacyException">A registration rule is broken.</exception>
    public RegisteredHandlers(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = scopes.CreateScope();
        HandlerRegistrations.Check(scope.ServiceProvider);
        Coverage = new ErasureCoverage(Of<IErasureHandler>(scope.ServiceProvider).SelectMany(h => h.Covers), options.Value.Coverage);
        ReviewsDecisions = Of<IAutomatedDecisionReviewer>(scope.ServiceProvider).Count > 0;
        foreach (var type in Coverage.Uncovered)
        {
            EngineLog.Uncovered(logger, type);
        }
    }

    /// <summary>Gets which tagged root types erasure handlers cover, and which the host acknowledged as out of scope.</summary>
    public ErasureCoverage Coverage { get; }

    /// <summary>Gets whether an <see cref="IAutomatedDecisionReviewer"/> is registered.</summary>
    public bool ReviewsDecisions { get; }

    /// <summary>Resolves the handlers of one kind from a request's scope: those registered one by one, then those of each <see cref="IPrivacyHandlerSource"/>.</summary>
    /// <typeparam name="T">The handler contract.</typeparam>
    /// <param name="services">The scope's provider.</param>
    /// <returns>The handlers, in registration order.</returns>
    public static IReadOnlyList<T> Of<T>(IServiceProvider services)
        where T : IPrivacyHandler =>
        [.. services.GetServices<T>(), .. services.GetServices<IPrivacyHandlerSource>().SelectMany(s => s.GetHandlers(services)).OfType<T>()];
}
