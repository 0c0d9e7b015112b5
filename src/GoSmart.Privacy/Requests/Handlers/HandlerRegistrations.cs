using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>
/// The registration rules of handlers, checked once before any request is accepted: each name is a stable,
/// well-formed identifier, unique among handlers of its kind, and each handler lists what it covers. A broken
/// registration is a start-up error, never a request left half-started.
/// </summary>
internal static partial class HandlerRegistrations
{
    /// <summary>Checks every registered exporter, erasure and rectification handler.</summary>
    /// <param name="services">A scope's provider, from which handlers are resolved.</param>
    /// <exception cref="PrivacyException">A rule is broken; the message names the handler and the fix.</exception>
    public static void Check(IServiceProvider services)
    {
        Check<IPersonalDataExporter>(services, "exporters");
        Check<IErasureHandler>(services, "erasure handlers");
        Check<IRectificationHandler>(services, "rectification handlers");
        Check<IAutomatedDecisionReviewer>(services, "automated-decision reviewers");
        Check<IRetentionHandler>(services, "retention handlers");
    }

    private static void Check<T>(IServiceProvider services, string kind)
        where T : IPrivacyHandler
    {
        var seen = new Dictionary<string, IPrivacyHandler>(StringComparer.Ordinal);
        foreach (var handler in Engine.RegisteredHandlers.Of<T>(services))
        {
            if (string.IsNullOrWhiteSpace(handler.Name) || handler.Name.Length > 100 || !HandlerName().IsMatch(handler.Name))
            {
                throw new PrivacyException($"Handler {handler.GetType().Name} has the name '{handler.Name}'. A handler name is at most 100 letters, digits, '.', '_' and '-', in segments separated by '/' that each start with a letter or digit, e.g. 'crm.contacts' or 'crm.db/Contact'.");
            }

            if (seen.TryGetValue(handler.Name, out var first))
            {
                throw new PrivacyException($"Two {kind} are named '{handler.Name}' ({first.GetType().Name} and {handler.GetType().Name}). Give each a stable, distinct name: it names its step and its section of the access package.");
            }

            if (handler.Covers is null)
            {
                throw new PrivacyException($"Handler '{handler.Name}' has no Covers. List the tagged types whose records it reaches.");
            }

            seen.Add(handler.Name, handler);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")]
    private static partial Regex HandlerName();

    /// <summary>The options whose start-up validation runs the check when a host starts (<c>ValidateOnStart</c>).</summary>
    internal sealed class StartupCheck;

    /// <summary>Runs <see cref="Check(IServiceProvider)"/> as options validation, so a host fails to start on a broken registration.</summary>
    internal sealed class Validator(IServiceScopeFactory scopes) : IValidateOptions<StartupCheck>
    {
        public ValidateOptionsResult Validate(string? name, StartupCheck options)
        {
            using var scope = scopes.CreateScope();
            try
            {
                Check(scope.ServiceProvider);
                return ValidateOptionsResult.Success;
            }
            catch (PrivacyException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
