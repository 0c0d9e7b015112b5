using System.Diagnostics.Metrics;

namespace GoSmart.Privacy.Text;

/// <summary>The scanner's instrument, on the SDK's meter (<see cref="PrivacyTelemetry.MeterName"/>): findings by entity type and special category.</summary>
internal static class ScannerMetrics
{
    private static readonly Meter Meter = new(PrivacyTelemetry.MeterName, typeof(ScannerMetrics).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Findings = Meter.CreateCounter<long>("gosmart.privacy.scanner.findings", "{finding}", "Personal data the text scanner found, by entity type (and special category for Art. 9/10 topics).");

    /// <summary>Counts the findings of one scan; nothing happens (and nothing is allocated) when no listener is enabled.</summary>
    public static void Record(IReadOnlyList<TextFinding> findings)
    {
        if (!Findings.Enabled || findings.Count == 0)
        {
            return;
        }

        foreach (var finding in findings)
        {
            Findings.Add(1, new KeyValuePair<string, object?>("gosmart.scanner.type", finding.Type.ToString()), new KeyValuePair<string, object?>("gosmart.scanner.category", finding.Category?.ToString()));
        }
    }
}
