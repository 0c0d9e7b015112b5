namespace GoSmart.Privacy;

/// <summary>
/// Supplies handlers that are only known once the host runs — one exporter and one erasure handler per entity of a
/// <c>DbContext</c>'s model, say. Resolved in each request's scope, like handlers; what it returns joins the handlers
/// registered one by one, under the same rules (stable, distinct names; declared coverage).
/// </summary>
public interface IPrivacyHandlerSource
{
    /// <summary>Gets the handlers, each implementing one or more of the handler contracts.</summary>
    /// <param name="services">The request's scope.</param>
    /// <returns>The handlers, in a stable order.</returns>
    IEnumerable<IPrivacyHandler> GetHandlers(IServiceProvider services);
}
