using System.Collections.Concurrent;
using GoSmart.Privacy.Requests.Handlers;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>One step this instance can run for a request: the handler's name and how to run it.</summary>
/// <param name="Name">The handler (the step's name).</param>
/// <param name="Run">Runs the handler once, from the step's checkpoint, returning its result.</param>
/// <param name="Last">Whether the step runs after this instance's other steps (crypto-shredding: the others may still write the subject's erased values under the key).</param>
internal sealed record StepPlan(string Name, Func<StepCheckpoint, CancellationToken, Task<HandlerResult>> Run, bool Last = false);

/// <summary>The steps a request of each kind runs on this instance: one per local handler of that kind, or the SDK's own restrictions step.</summary>
internal sealed class StepPlans(RedactionContext redaction, ProcessingRestrictions restrictions, ILegalHoldStore holds, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _categories = new(StringComparer.Ordinal);

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
                if (await HeldAsync(request, h, ct).ConfigureAwait(false) is { Count: > 0 } held)
                {
                    return HandlerResult.Held(held);
                }

                var freeText = services.GetService<IFreeTextRedaction>() is { } texts ? await texts.ForErasureAsync(request.Subject, request.Id, ct).ConfigureAwait(false) : null;
                var context = new ErasureContext(request, redaction.WithFreeText(freeText), h.Name, checkpoint);
                await h.EraseAsync(context, ct).ConfigureAwait(false);
                return context.Result();
            }, h is CryptoShredding.CryptoShreddingHandler))],
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

    /// <summary>
    /// The active legal holds on the subject's data in the handler's area, each recording that it blocked this step (so
    /// releasing it queues the step again). A held handler does not run: nothing of the area is touched.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> HeldAsync(PrivacyRequest request, IErasureHandler handler, CancellationToken cancellationToken)
    {
        var categories = _categories.GetOrAdd(handler.Name, static (_, h) => Categories(h.Covers), handler);
        var active = await holds.ListAsync(includeReleased: false, cancellationToken).ConfigureAwait(false);
        var holding = active.Where(h => h.Holds(request.Subject, handler.Name, categories)).Select(h => h.Id).ToList();
        foreach (var hold in holding)
        {
            await holds.RecordBlockedAsync(new HeldStep(hold, request.Id, handler.Name, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return holding;
    }

    /// <summary>The data categories of every member of the covered types' plans (nested parts included).</summary>
    internal static IReadOnlySet<string> Categories(IEnumerable<Type> covers) =>
        covers.SelectMany(t => PersonalDataPlans.For(t).Members).Where(m => !m.IsSubjectId).Select(m => m.Category).ToHashSet(StringComparer.Ordinal);

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
