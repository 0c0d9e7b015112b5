using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Whether data-subject requests are answered in time (Art. 12(3)): unhealthy while an open request is past its due date
/// or the request store cannot be read, degraded while one is due within the warning window. The report's data holds
/// counts only — overdue, due soon — never a subject or a tenant.
/// </summary>
/// <param name="requests">The request service.</param>
/// <param name="time">The clock.</param>
/// <param name="dueSoon">How close to its due date an open request degrades the check.</param>
public sealed class PrivacyRequestsHealthCheck(IPrivacyRequestService requests, TimeProvider time, TimeSpan dueSoon) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var overdue = 0;
        var soon = 0;
        try
        {
            // One read: every open request due before the window ends, split by whether it is already past due.
            await foreach (var request in requests.ListAsync(new PrivacyRequestQuery { OverdueAt = now + dueSoon }, cancellationToken).ConfigureAwait(false))
            {
                if (request.IsOverdue(now))
                {
                    overdue++;
                }
                else
                {
                    soon++;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return StoreUnreadable(context, ex);
        }

        var data = new Dictionary<string, object> { ["overdue"] = overdue, ["dueSoon"] = soon, ["dueSoonWindowDays"] = dueSoon.TotalDays };
        if (overdue > 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{overdue} data-subject request(s) are past their due date (Art. 12(3)). List them with ListAsync(new PrivacyRequestQuery {{ OverdueAt = now }}), and complete or extend each with its reason.", data: data);
        }

        return soon > 0
            ? HealthCheckResult.Degraded($"{soon} data-subject request(s) are due within {dueSoon.TotalDays:0.#} days.", data: data)
            : HealthCheckResult.Healthy("No data-subject request is overdue or due soon.", data);
    }

    /// <summary>The result when the request store cannot be read: the check's failure status, naming the fix.</summary>
    internal static HealthCheckResult StoreUnreadable(HealthCheckContext context, Exception ex) =>
        new(context.Registration.FailureStatus, "The privacy request store cannot be read: " + ex.Message + " Check its connection string and that the database is up.", ex);
}
