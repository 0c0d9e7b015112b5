namespace GoSmart.Privacy.Storage;

/// <summary>A handler an engine instance hosts.</summary>
/// <param name="Kind">The kind of request it handles (erasure or rectification).</param>
/// <param name="Handler">Its name.</param>
public sealed record HandlerRegistration(PrivacyRequestKind Kind, string Handler);
