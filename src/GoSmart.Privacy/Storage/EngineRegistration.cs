namespace GoSmart.Privacy.Storage;

/// <summary>An engine instance as the store knows it: which service, which handlers, and when it last said it was alive.</summary>
/// <param name="InstanceId">The instance's id (new at every start).</param>
/// <param name="Service">The service it belongs to, e.g. <c>crm</c> or <c>chat</c>.</param>
/// <param name="Handlers">The handlers it hosts.</param>
/// <param name="HeartbeatAt">Its last heartbeat.</param>
public sealed record EngineRegistration(string InstanceId, string Service, IReadOnlyList<HandlerRegistration> Handlers, DateTimeOffset HeartbeatAt);
