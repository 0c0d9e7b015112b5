using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Storage;

/// <summary>Keeps audit events in memory.</summary>
internal sealed class InMemoryPrivacyAuditLog : IPrivacyAuditLog
{
    private readonly object _gate = new();
    private readonly List<PrivacyAuditEvent> _events = [];

    /// <inheritdoc />
    public Task AppendAsync(PrivacyAuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        lock (_gate)
        {
            _events.Add(auditEvent);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrivacyAuditEvent> QueryAsync(Guid requestId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PrivacyAuditEvent[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _events.Where(e => e.RequestId == requestId)];
        }

        foreach (var e in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
