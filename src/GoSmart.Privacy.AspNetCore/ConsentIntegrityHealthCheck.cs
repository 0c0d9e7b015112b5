using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Whether each named tenant's consent ledger still verifies: its hash chain unbroken and its projection pointing at the
/// right events (<see cref="IConsentService.VerifyIntegrityAsync"/>). Unhealthy when one does not, naming the tenant and
/// the first broken event; the data holds, per tenant, how many events were checked.
/// </summary>
/// <param name="consent">The consent service.</param>
/// <param name="tenants">The tenants whose ledgers are verified.</param>
public sealed class ConsentIntegrityHealthCheck(IConsentService consent, IReadOnlyList<string> tenants) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var broken = new List<string>();
        try
        {
            foreach (var tenant in tenants)
            {
                var report = await consent.VerifyIntegrityAsync(tenant, cancellationToken).ConfigureAwait(false);
                data[tenant] = report.EventsChecked;
                if (!report.IsIntact)
                {
                    broken.Add($"tenant '{tenant}' from event {report.FirstBrokenSequence}: {report.Problem}");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The consent store cannot be read: " + ex.Message + " Check its connection string and that the database is up.", ex, data);
        }

        return broken.Count == 0
            ? HealthCheckResult.Healthy($"The consent ledgers of {tenants.Count} tenant(s) verify.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, "A consent ledger does not verify — " + string.Join("; ", broken) + ". A projection that points at the wrong event is rebuilt by RebuildProjectionAsync(tenant); a broken chain needs the ledger restored from a backup taken before that event (docs/consent.md).", data: data);
    }
}
