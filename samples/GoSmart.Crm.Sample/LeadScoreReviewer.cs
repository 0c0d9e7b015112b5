using GoSmart.Privacy;

namespace GoSmart.Crm.Sample;

/// <summary>
/// The CRM scores leads automatically; a contested score is reviewed by a person (Art. 22(3)). In this sample the
/// review desk is a queue the sales lead works through; here it answers at once.
/// </summary>
public sealed class LeadScoreReviewer : IAutomatedDecisionReviewer
{
    public string Name => "crm.lead-score-review";

    public IReadOnlyCollection<Type> Covers { get; } = [];

    public Task ReviewAsync(IAutomatedDecisionReviewContext context, CancellationToken cancellationToken)
    {
        var pointOfView = context.PointOfView is { Length: > 0 } said ? $" Your point of view (\"{said}\") was considered." : string.Empty;
        context.RecordOutcome($"A sales lead reviewed {context.DecisionReference} by hand and recalculated it.{pointOfView}", decisionChanged: true);
        return Task.CompletedTask;
    }
}
