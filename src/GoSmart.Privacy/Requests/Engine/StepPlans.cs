using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>One step this instance can run for a request: the handler's name and how to run it.</summary>
/// <param name="Name">The handler (the step's name).</param>
/// <param name="Run">Runs the handler once, from the step's checkpoint, returning its result.</param>
internal sealed record StepPlan(string Name, Func<StepCheckpoint, CancellationToken, Task<HandlerResult>> Run);

/// <summary>The steps a request of each kind runs on this instance: one per local handler of that kind, or the SDK's own restrictions step.</summary>
internal sealed class StepPlans(RedactionContext redaction, ProcessingRestrictions restrictions, TimeProvider time)
{
    /// <summary>The name of the step that records restrictions and objections.</summary>
    public const string RestrictionsStep = "gosmart.restrictions";

    /// <summary>Plans the local steps of <paramref name="request"/>.</summary>
    /// <param name="request">The request, in progress.</param>
    /// <param name="services">The request's scope, from which handlers are resolved.</param>
    /// <returns>The steps.</returns>
    public IReadOnlyList<StepPlan> For(PrivacyRequest request, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            PrivacyRequestKind.Erasure => [.. RegisteredHandlers.Of<IErasureHandler>(services).Select(h => new StepPlan(h.Name, async (checkpoint, ct) =>
            {
                var context = new ErasureContext(request, redaction, h.Name, checkpoint);
                await h.EraseAsync(context, ct).ConfigureAwait(false);
                return context.Result();
            }))],
            PrivacyRequestKind.Rectification => [.. RegisteredHandlers.Of<IRectificationHandler>(services).Select(h => new StepPlan(h.Name, async (_, ct) =>
            {
                var context = new RectificationContext(request, h.Name);
                await h.RectifyAsync(context, ct).ConfigureAwait(false);
                return context.Result();
            }))],
            PrivacyRequestKind.AutomatedDecisionReview => [.. RegisteredHandlers.Of<IAutomatedDecisionReviewer>(services).Select(h => new StepPlan(h.Name, async (_, ct) =>
            {
                var context = new AutomatedDecisionReviewContext(request, h.Name);
                await h.ReviewAsync(context, ct).ConfigureAwait(false);
                return context.Result();
            }))],
            _ => [new StepPlan(RestrictionsStep, (_, ct) => RestrictAsync(request, ct))],
        };
    }

    private async Task<HandlerResult> RestrictAsync(PrivacyRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request.Kind == PrivacyRequestKind.Objection)
        {
            await restrictions.AddObjectionAsync(request.Subject, request.Purpose!, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await restrictions.SetRestrictedAsync(request.Subject, request.Kind == PrivacyRequestKind.Restriction, now, cancellationToken).ConfigureAwait(false);
        }

        return HandlerResult.Empty with { Applied = 1 };
    }
}
