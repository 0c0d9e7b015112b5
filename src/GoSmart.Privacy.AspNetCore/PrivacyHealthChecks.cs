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
}
