namespace GoSmart.Privacy;

/// <summary>
/// The names under which the SDK publishes its metrics (<c>System.Diagnostics.Metrics</c>) and traces
/// (<c>System.Diagnostics.ActivitySource</c>): subscribe with OpenTelemetry's <c>AddMeter(PrivacyTelemetry.MeterName)</c> and
/// <c>AddSource(PrivacyTelemetry.ActivitySourceName)</c>. No instrument or tag carries personal data: kinds, states,
/// handler names, purposes and entity types only — never a subject id or a tenant. See <c>docs/observability.md</c>.
/// </summary>
public static class PrivacyTelemetry
{
    /// <summary>The meter's name: <c>GoSmart.Privacy</c>.</summary>
    public const string MeterName = "GoSmart.Privacy";

    /// <summary>The activity source's name: <c>GoSmart.Privacy</c>.</summary>
    public const string ActivitySourceName = "GoSmart.Privacy";
}
