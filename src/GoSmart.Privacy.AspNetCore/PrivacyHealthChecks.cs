using GoSmart.Privacy;
using GoSmart.Privacy.AspNetCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SDK's health checks with ASP.NET Core's health checks.</summary>
public static class PrivacyHealthChecks
{
    /// <summary>
    /// Adds <see cref="PrivacyRequestsHealthCheck"/>: unhealthy while a data-subject request is overdue or the request
    /// store cannot be read, degraded while one is due within <paramref name="dueSoon"/> (default 5 days).
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="dueSoon">How close to its due date an open request degrades the check.</param>
    /// <param name="name">The check's name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException"><paramref name="dueSoon"/> is not positive.</exception>
    public static IHealthChecksBuilder AddGoSmartPrivacyRequests(this IHealthChecksBuilder builder, TimeSpan? dueSoon = null, string name = "gosmart-privacy-requests")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var window = dueSoon ?? TimeSpan.FromDays(5);
        if (window <= TimeSpan.Zero)
        {
            throw new PrivacyException($"The due-soon window is {window}; it must be positive, e.g. TimeSpan.FromDays(5).");
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new PrivacyRequestsHealthCheck(sp.GetRequiredService<IPrivacyRequestService>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, window),
            HealthStatus.Unhealthy,
            ["gosmart-privacy"]));
    }

    /// <summary>
    /// Adds <see cref="ConsentIntegrityHealthCheck"/>: unhealthy when the consent ledger of one of <paramref name="tenants"/>
    /// no longer verifies (a changed, deleted or reordered event) or the consent store cannot be read. It reads each
    /// tenant's whole ledger: give it a health endpoint polled minutes apart, not seconds.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="tenants">The tenants whose ledgers are verified.</param>
    /// <param name="name">The check's name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException">No tenant is named, or one is blank.</exception>
    public static IHealthChecksBuilder AddGoSmartPrivacyConsentIntegrity(this IHealthChecksBuilder builder, IEnumerable<string> tenants, string name = "gosmart-privacy-consent")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tenants);
        var list = tenants.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new PrivacyException("The consent integrity check names no tenant, or a blank one. Pass the tenant ids whose ledgers to verify, e.g. [\"acme\", \"globex\"].");
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new ConsentIntegrityHealthCheck(sp.GetRequiredService<IConsentService>(), list),
            HealthStatus.Unhealthy,
            ["gosmart-privacy"]));
    }

    /// <summary>
    /// Adds <see cref="StepBacklogHealthCheck"/>: degraded while a step of a request in progress has lost its instance (an
    /// expired lease) or waited longer than <paramref name="waiting"/> (default 30 minutes) for a service hosting its
    /// handler, unhealthy when the request store cannot be read.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="waiting">How long a pending step may wait.</param>
    /// <param name="name">The check's name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException"><paramref name="waiting"/> is not positive.</exception>
    public static IHealthChecksBuilder AddGoSmartPrivacyStepBacklog(this IHealthChecksBuilder builder, TimeSpan? waiting = null, string name = "gosmart-privacy-steps")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var window = waiting ?? TimeSpan.FromMinutes(30);
        if (window <= TimeSpan.Zero)
        {
            throw new PrivacyException($"The waiting window is {window}; it must be positive, e.g. TimeSpan.FromMinutes(30).");
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new StepBacklogHealthCheck(sp.GetRequiredService<IPrivacyRequestService>(), sp.GetRequiredService<GoSmart.Privacy.Storage.IStepLedger>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, window),
            HealthStatus.Unhealthy,
            ["gosmart-privacy"]));
    }

    /// <summary>
    /// Adds <see cref="ErasureCoverageHealthCheck"/>: unhealthy while a tagged type with a subject id has no covering erasure
    /// handler and no out-of-scope acknowledgement, degraded while the records of processing show other gaps.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddGoSmartPrivacyCoverage(this IHealthChecksBuilder builder, string name = "gosmart-privacy-coverage")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new ErasureCoverageHealthCheck(sp.GetRequiredService<GoSmart.Privacy.Records.IRecordsOfProcessing>()),
            HealthStatus.Unhealthy,
            ["gosmart-privacy"]));
    }
}
