using GoSmart.Privacy.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Whether the steps of requests in progress are moving: degraded while a step's lease has expired (the instance running
/// it stopped; another takes it over on its next pass) or a step has waited longer than the window (no running service
/// hosts its handler — a service is down). The data holds the counts and the handlers' names, never a subject or tenant.
/// It reads every open request's steps, so poll it minutes apart.
/// </summary>
/// <param name="requests">The request service.</param>
/// <param name="ledger">The step ledger.</param>
/// <param name="time">The clock.</param>
/// <param name="waiting">How long a pending step may wait before the check degrades.</param>
public sealed class StepBacklogHealthCheck(IPrivacyRequestService requests, IStepLedger ledger, TimeProvider time, TimeSpan waiting) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        var stalled = 0;
        var handlers = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var request in requests.ListAsync(new PrivacyRequestQuery { Status = PrivacyRequestStatus.InProgress }, cancellationToken).ConfigureAwait(false))
            {
                foreach (var step in await ledger.GetStepsAsync(request.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (step.State == StepState.Started && step.LeaseUntil < now)
                    {
                        expired++;
                        handlers.Add(step.Handler);
                    }
                    else if (step.State == StepState.Pending && now - step.UpdatedAt > waiting)
                    {
                        stalled++;
                        handlers.Add(step.Handler);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return PrivacyRequestsHealthCheck.StoreUnreadable(context, ex);
        }

        var data = new Dictionary<string, object> { ["expiredLeases"] = expired, ["waitingSteps"] = stalled, ["handlers"] = string.Join(",", handlers) };
        return expired + stalled == 0
            ? HealthCheckResult.Healthy("Every step of the requests in progress is moving.", data)
            : HealthCheckResult.Degraded($"{expired} step(s) lost their instance and {stalled} waited over {waiting.TotalMinutes:0} minutes ({string.Join(", ", handlers)}). Check that every service hosting these handlers is running with AddBackgroundProcessing.", data: data);
    }
}
