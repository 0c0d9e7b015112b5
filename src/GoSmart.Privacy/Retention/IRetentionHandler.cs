namespace GoSmart.Privacy;

/// <summary>
/// Applies retention rules in one area: finds the records a rule governs whose anchor lies in the sweep's window, and
/// erases (the plan's strategies) or deletes them. The EF Core package's handlers are retention handlers already.
/// </summary>
public interface IRetentionHandler : IPrivacyHandler
{
    /// <summary>
    /// Applies <see cref="IRetentionContext.Rule"/> to this area's records anchored at or after
    /// <see cref="IRetentionContext.ExpiredAfter"/> and before <see cref="IRetentionContext.ExpiredBefore"/>, in every
    /// tenant: skips each record <see cref="IRetentionContext.IsHeld"/> says is held, passes the others to
    /// <see cref="IRetentionContext.Apply{T}(ref T)"/> (or deletes them and calls <see cref="IRetentionContext.RecordDeleted"/>),
    /// stores them unless <see cref="IRetentionContext.DryRun"/>, and records progress after each stored batch.
    /// </summary>
    /// <param name="context">The rule, the window, and what records what was done.</param>
    /// <param name="cancellationToken">Cancels the sweep; it resumes from the last saved progress.</param>
    /// <returns>A task that completes when the window is swept.</returns>
    Task SweepAsync(IRetentionContext context, CancellationToken cancellationToken);
}
