using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// How far a claimed step's handler got, as last recorded in the ledger: a run resumes from it (after a crash, the
/// claim brings back what the dead instance recorded; after a failure retried in-process, what this one recorded).
/// </summary>
internal sealed class StepCheckpoint(IStepLedger ledger, StepRecord claimed, string owner)
{
    /// <summary>The longest progress text accepted.</summary>
    public const int MaxProgressLength = 4000;

    /// <summary>Gets where the handler resumes, or <see langword="null"/> from the start.</summary>
    public string? Progress { get; private set; } = claimed.Progress;

    /// <summary>Gets the tallies up to <see cref="Progress"/>.</summary>
    public HandlerResult? Tallies { get; private set; } = claimed.Progress is null ? null : claimed.Result;

    /// <summary>Records progress and tallies durably, while this instance holds the step.</summary>
    /// <param name="progress">Where to resume.</param>
    /// <param name="tallies">What was done up to there.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    /// <exception cref="PrivacyException">The progress is empty or too long, or the lease was lost.</exception>
    public async Task SaveAsync(string progress, HandlerResult tallies, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(progress) || progress.Length > MaxProgressLength)
        {
            throw new PrivacyException($"Handler '{claimed.Handler}' saved a progress of {progress?.Length ?? 0} characters. Save a non-empty marker of at most {MaxProgressLength} characters, such as the last key stored — never personal data.");
        }

        if (!await ledger.SaveProgressAsync(claimed.RequestId, claimed.Handler, owner, progress, tallies, cancellationToken).ConfigureAwait(false))
        {
            throw new PrivacyException($"Step '{claimed.Handler}' is no longer held by this instance (its lease ended), so its progress was not recorded. Another instance resumes it; stop this run.");
        }

        Progress = progress;
        Tallies = tallies;
    }
}
