namespace GoSmart.Privacy.Storage;

/// <summary>Keeps retention cursors in memory (tests, single-process hosts: a restart sweeps everything again).</summary>
internal sealed class InMemoryRetentionSweepStore : IRetentionSweepStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string, string), RetentionCursor> _cursors = [];
    private readonly List<RetentionHeldWindow> _held = [];

    /// <inheritdoc />
    public Task<RetentionCursor?> GetCursorAsync(string rule, string handler, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_cursors.GetValueOrDefault((rule, handler)));
        }
    }

    /// <inheritdoc />
    public Task<bool> TrySaveCursorAsync(RetentionCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        lock (_gate)
        {
            var stored = _cursors.GetValueOrDefault((cursor.Rule, cursor.Handler))?.Version ?? 0;
            if (stored != cursor.Version)
            {
                return Task.FromResult(false);
            }

            _cursors[(cursor.Rule, cursor.Handler)] = cursor with { Version = cursor.Version + 1 };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task RecordHeldAsync(RetentionHeldWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (_gate)
        {
            if (!_held.Contains(window))
            {
                _held.Add(window);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RetentionHeldWindow>> GetHeldAsync(Guid holdId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RetentionHeldWindow>>([.. _held.Where(w => w.HoldId == holdId)]);
        }
    }
}
