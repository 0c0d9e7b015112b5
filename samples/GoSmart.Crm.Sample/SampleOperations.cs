using GoSmart.Privacy;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GoSmart.Crm.Sample;

/// <summary>What both samples add for operators: the privacy health checks at <c>/health</c>, and — behind the
/// <c>GOSMART_OTEL_CONSOLE</c> switch (configuration or environment) — the SDK's metrics and traces on the console.</summary>
public static class SampleOperations
{
    /// <summary>Adds the health checks, and OpenTelemetry's console exporter when the switch is on.</summary>
    public static void AddSampleOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddGoSmartPrivacyRequests() // unhealthy once a request is overdue (Art. 12(3))
            .AddGoSmartPrivacyCoverage(); // unhealthy while a tagged type has no erasure handler; degraded on other records gaps
        if (builder.Configuration.GetValue<bool>("GOSMART_OTEL_CONSOLE"))
        {
            builder.Services.AddOpenTelemetry()
                .WithMetrics(m => m.AddMeter(PrivacyTelemetry.MeterName).AddConsoleExporter())
                .WithTracing(t => t.AddSource(PrivacyTelemetry.ActivitySourceName).AddConsoleExporter());
        }
    }

    /// <summary>Maps <c>/health</c>.</summary>
    public static void MapSampleOperations(this WebApplication app) => app.MapHealthChecks("/health");
}
