namespace GoSmart.Privacy.Storage;

/// <summary>Where retention sweeps keep their cursors (what was swept, what is in flight) and the windows legal holds kept.</summary>
public interface IRetentionSweepStore
{
    /// <summary>Gets the cursor of a rule in a handler's area.</summary>
    /// <param name="rule">The rule's name.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cursor, or <see langword="null"/> before the first sweep.</returns>
    Task<RetentionCursor?> GetCursorAsync(string rule, string handler, CancellationToken cancellationToken);

    /// <summary>Writes a cursor if the stored one still has the version it was read with (0: none stored yet); the stored cursor gets version + 1.</summary>
    /// <param name="cursor">The cursor, with the version it was read with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when another instance wrote it meanwhile.</returns>
    Task<bool> TrySaveCursorAsync(RetentionCursor cursor, CancellationToken cancellationToken);

    /// <summary>Records that a hold kept records of a window from the sweep (idempotent).</summary>
    /// <param name="window">The window.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task RecordHeldAsync(RetentionHeldWindow window, CancellationToken cancellationToken);

    /// <summary>Gets the windows a hold kept records of.</summary>
    /// <param name="holdId">The hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The windows.</returns>
    Task<IReadOnlyList<RetentionHeldWindow>> GetHeldAsync(Guid holdId, CancellationToken cancellationToken);
}
