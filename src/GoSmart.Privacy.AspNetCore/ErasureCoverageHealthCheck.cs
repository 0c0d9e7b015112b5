using GoSmart.Privacy.Records;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Whether erasure reaches every tagged entity type of the service: unhealthy while a type with a subject id has no
/// covering erasure handler and no out-of-scope acknowledgement (an erasure request would end incomplete), degraded
/// while the records of processing show other gaps — data held for no purpose, a purpose that names no data. Built from
/// the same records as Art. 30 (<see cref="IRecordsOfProcessing"/>), once: coverage changes only with a deploy. The data
/// holds type names and category keys, never a subject.
/// </summary>
/// <param name="records">Builds the records of processing.</param>
public sealed class ErasureCoverageHealthCheck(IRecordsOfProcessing records) : IHealthCheck
{
    private readonly Lazy<RecordsOfProcessing> _records = new(records.Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var built = _records.Value;
        var uncovered = built.Gaps.Where(g => g.Kind == RecordsGapKind.UncoveredEntity).Select(g => g.Subject).ToList();
        var other = built.Gaps.Where(g => g.Kind != RecordsGapKind.UncoveredEntity).ToList();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["entities"] = built.Entities.Count,
            ["uncovered"] = uncovered,
            ["gaps"] = other.Select(g => $"{g.Kind}: {g.Subject}").ToList(),
        };
        if (uncovered.Count > 0)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"{uncovered.Count} tagged type(s) no erasure handler reaches ({string.Join(", ", uncovered)}): an erasure request ends incomplete. Register a handler that covers each, or acknowledge it in PrivacyOptions.Coverage.OutOfScope with the reason.", data: data));
        }

        return Task.FromResult(other.Count > 0
            ? HealthCheckResult.Degraded($"Erasure reaches all {built.Entities.Count} tagged type(s), but the records of processing show {other.Count} gap(s): {string.Join(" ", other.Select(g => g.Message))}", data: data)
            : HealthCheckResult.Healthy($"Erasure reaches all {built.Entities.Count} tagged type(s), and every category held has a purpose.", data));
    }
}
