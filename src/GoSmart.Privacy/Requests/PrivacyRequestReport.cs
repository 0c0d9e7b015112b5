namespace GoSmart.Privacy;

/// <summary>What a request did, handler by handler, and — for erasure — which tagged types no handler covers.</summary>
/// <param name="Request">The request.</param>
/// <param name="Handlers">Every handler's outcome.</param>
/// <param name="UncoveredTypes">Tagged types with a subject id that no erasure handler covers: their data was not erased.</param>
public sealed record PrivacyRequestReport(PrivacyRequest Request, IReadOnlyList<HandlerOutcome> Handlers, IReadOnlyList<string> UncoveredTypes);
