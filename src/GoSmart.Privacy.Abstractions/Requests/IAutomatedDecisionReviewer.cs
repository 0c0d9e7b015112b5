namespace GoSmart.Privacy;

/// <summary>
/// Has a person review an automated decision the subject contested (Art. 22(3)): the host routes it to whoever may
/// change it — a credit officer, a moderator — and records the outcome. Like every handler it must be idempotent.
/// </summary>
public interface IAutomatedDecisionReviewer : IPrivacyHandler
{
    /// <summary>Reviews the decision named by <see cref="IAutomatedDecisionReviewContext.DecisionReference"/> and records the outcome.</summary>
    /// <param name="context">The request, the decision, the subject's point of view.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the review's outcome is recorded.</returns>
    Task ReviewAsync(IAutomatedDecisionReviewContext context, CancellationToken cancellationToken);
}

/// <summary>What an <see cref="IAutomatedDecisionReviewer"/> works with.</summary>
public interface IAutomatedDecisionReviewContext
{
    /// <summary>Gets the subject and tenant.</summary>
    SubjectRef Subject { get; }

    /// <summary>Gets the request's id.</summary>
    Guid RequestId { get; }

    /// <summary>Gets the host's reference of the contested decision, e.g. <c>credit-check/2026-11-30/8842</c>.</summary>
    string DecisionReference { get; }

    /// <summary>Gets the subject's point of view, if they gave one (Art. 22(3)).</summary>
    string? PointOfView { get; }

    /// <summary>Records the human review's outcome, told to the subject.</summary>
    /// <param name="outcome">What the reviewer decided and why, in plain words.</param>
    /// <param name="decisionChanged">Whether the review changed the decision.</param>
    void RecordOutcome(string outcome, bool decisionChanged);
}
