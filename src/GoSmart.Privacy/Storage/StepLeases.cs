namespace GoSmart.Privacy.Storage;

/// <summary>The rules of step leases, in one place for every store: who may claim a step, and who holds it.</summary>
internal static class StepLeases
{
    /// <summary>Whether a step may be claimed now: it is pending, or started under a lease that has ended (its owner crashed).</summary>
    /// <param name="step">The step.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when claimable.</returns>
    public static bool IsClaimable(StepRecord step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.State == StepState.Pending || (step.State == StepState.Started && (step.LeaseUntil is null || step.LeaseUntil < now));
    }

    /// <summary>Whether <paramref name="owner"/> holds a started step.</summary>
    /// <param name="step">The step.</param>
    /// <param name="owner">The engine instance.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool IsHeldBy(StepRecord step, string owner)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.State == StepState.Started && string.Equals(step.Owner, owner, StringComparison.Ordinal);
    }

    /// <summary>The step as its new owner holds it.</summary>
    /// <param name="step">The claimable step.</param>
    /// <param name="owner">The claiming instance.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">The end of the lease.</param>
    /// <returns>The claimed step.</returns>
    public static StepRecord Claim(StepRecord step, string owner, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step with { State = StepState.Started, Attempts = step.Attempts + 1, UpdatedAt = now, Owner = owner, LeaseUntil = leaseUntil, Error = null };
    }

    /// <summary>A claimed step's outcome as it is written: held by nobody, under no lease.</summary>
    /// <param name="outcome">The outcome its owner reports (completed, failed, or pending again).</param>
    /// <returns>The step to write.</returns>
    public static StepRecord Release(StepRecord outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome with { Owner = null, LeaseUntil = null };
    }
}
