namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>The <see cref="IAutomatedDecisionReviewContext"/> of one reviewer's run: a review ends with an outcome, never silently.</summary>
internal sealed class AutomatedDecisionReviewContext(PrivacyRequest request, string handler) : IAutomatedDecisionReviewContext
{
    private readonly object _gate = new();
    private (string Outcome, bool Changed)? _outcome;

    public SubjectRef Subject => request.Subject;

    public Guid RequestId => request.Id;

    public string DecisionReference => request.DecisionReference!;

    public string? PointOfView => request.Reason;

    public void RecordOutcome(string outcome, bool decisionChanged)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new PrivacyException($"Reviewer '{handler}' recorded an empty outcome. Say what the person reviewing decided and why; the subject is told.");
        }

        lock (_gate)
        {
            _outcome = (outcome, decisionChanged);
        }
    }

    /// <exception cref="PrivacyException">The reviewer finished without recording an outcome: the step fails, the request shows it.</exception>
    public HandlerResult Result()
    {
        lock (_gate)
        {
            return _outcome is { } o
                ? HandlerResult.Empty with { Applied = 1, Changed = o.Changed ? 1 : 0, Outcome = o.Outcome }
                : throw new PrivacyException($"Reviewer '{handler}' finished without recording an outcome of the review of '{request.DecisionReference}'. Call context.RecordOutcome once a person has reviewed the decision.");
        }
    }
}
