namespace GoSmart.Privacy;

/// <summary>
/// Applies the retention rules (<see cref="RetentionOptions.Rules"/>) through every <see cref="IRetentionHandler"/>: each
/// record once per rule (each sweep takes the window of anchors that expired since the last one), resumable after a
/// crash, skipping records under legal hold, audited per run. <c>AddRetentionSweeps</c> (ASP.NET Core package) runs it on
/// a schedule.
/// </summary>
public interface IRetentionSweeper
{
    /// <summary>Sweeps every rule now.</summary>
    /// <param name="dryRun">Count what would change, store nothing and move no window.</param>
    /// <param name="cancellationToken">Cancels the sweep; the next one resumes where it stopped.</param>
    /// <returns>The report.</returns>
    Task<RetentionSweepReport> SweepAsync(bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>Gets the report of the last sweep this instance ran, or <see langword="null"/>.</summary>
    RetentionSweepReport? LastReport { get; }
}
