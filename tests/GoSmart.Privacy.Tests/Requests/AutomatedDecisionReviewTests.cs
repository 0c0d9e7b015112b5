using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>Art. 22(3): a subject contests an automated decision and a person reviews it.</summary>
public sealed class AutomatedDecisionReviewTests
{
    private static readonly SubjectRef Ada = new("acme", "ada");

    [Fact]
    public async Task A_contested_decision_is_routed_to_a_person_and_the_outcome_is_recorded()
    {
        var reviewer = new CreditOfficer("Reviewed by a credit officer: the income proof was missing; limit raised.", changed: true);
        await using var host = new RequestTestHost(handlers: b => b.Services.AddSingleton<IAutomatedDecisionReviewer>(reviewer));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/8842", Reason = "My salary was not counted." });
        var report = await host.Service.GetReportAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.Completed, request.Status);
        Assert.Equal("credit-check/8842", request.DecisionReference);
        Assert.Equal(("credit-check/8842", "My salary was not counted."), reviewer.Seen);
        var step = Assert.Single(report.Handlers);
        Assert.Equal("credit.review", step.Handler);
        Assert.Equal("Reviewed by a credit officer: the income proof was missing; limit raised.", step.Result!.Outcome);
        Assert.Equal(1, step.Result.Changed);
        Assert.Equal(RequestDeadlines.DueAt(request.ReceivedAt), request.DueAt);
    }

    [Fact]
    public async Task Reviews_of_two_decisions_are_two_requests_and_the_same_decision_returns_the_open_one()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier(), handlers: b => b.Services.AddSingleton<IAutomatedDecisionReviewer>(new CreditOfficer("ok", false)));

        var first = await host.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/1" });
        var second = await host.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/2" });
        var again = await host.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/1" });

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public async Task A_review_without_a_decision_reference_or_without_a_reviewer_is_refused_and_nothing_is_stored()
    {
        await using var withReviewer = new RequestTestHost(handlers: b => b.Services.AddSingleton<IAutomatedDecisionReviewer>(new CreditOfficer("ok", false)));
        await using var without = new RequestTestHost();

        var missing = await Assert.ThrowsAsync<PrivacyException>(() => withReviewer.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada)));
        var nobody = await Assert.ThrowsAsync<PrivacyException>(() => without.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/1" }));
        var stray = await Assert.ThrowsAsync<PrivacyException>(() => withReviewer.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Ada) { DecisionReference = "credit-check/1" }));

        Assert.Contains("DecisionReference", missing.Message, StringComparison.Ordinal);
        Assert.Contains("AddAutomatedDecisionReviewer", nobody.Message, StringComparison.Ordinal);
        Assert.Contains("only an AutomatedDecisionReview does", stray.Message, StringComparison.Ordinal);
        Assert.Empty(await withReviewer.Service.ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync());
        Assert.Empty(await without.Service.ListAsync(new PrivacyRequestQuery { TenantId = "acme" }).ToListAsync());
    }

    [Fact]
    public async Task A_review_that_records_no_outcome_fails_visibly()
    {
        await using var host = new RequestTestHost(configure: o => o.HandlerRetries = 0, handlers: b => b.Services.AddSingleton<IAutomatedDecisionReviewer>(new CreditOfficer(null, false)));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.AutomatedDecisionReview, Ada) { DecisionReference = "credit-check/9" });

        Assert.Equal(PrivacyRequestStatus.Failed, request.Status);
        Assert.Contains("without recording an outcome", (await host.Service.GetReportAsync(request.Id)).Handlers.Single().Error, StringComparison.Ordinal);
    }

    private sealed class CreditOfficer(string? outcome, bool changed) : IAutomatedDecisionReviewer
    {
        public (string Decision, string? PointOfView) Seen { get; private set; }

        public string Name => "credit.review";

        public IReadOnlyCollection<Type> Covers { get; } = [];

        public Task ReviewAsync(IAutomatedDecisionReviewContext context, CancellationToken cancellationToken)
        {
            Seen = (context.DecisionReference, context.PointOfView);
            if (outcome is not null)
            {
                context.RecordOutcome(outcome, changed);
            }

            return Task.CompletedTask;
        }
    }
}
