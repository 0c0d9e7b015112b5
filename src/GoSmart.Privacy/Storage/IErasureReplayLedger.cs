namespace GoSmart.Privacy.Storage;

/// <summary>
/// Where completed erasures are kept for replay after a backup restore. It must outlive the data it helps erase: keep
/// it in the privacy database, and do not roll that database back with the application's (docs/operations.md).
/// </summary>
public interface IErasureReplayLedger
{
    /// <summary>Records a completed erasure, replacing the entry of the same request (a request completed again after a legal hold's release).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task RecordAsync(ErasureReplayEntry entry, CancellationToken cancellationToken);

    /// <summary>Lists the erasures completed at or after <paramref name="since"/>, oldest first.</summary>
    /// <param name="since">The backup's time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<ErasureReplayEntry>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
