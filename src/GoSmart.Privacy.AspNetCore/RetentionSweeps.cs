using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy;

/// <summary>Runs <see cref="IRetentionSweeper.SweepAsync"/> in the background: shortly after start-up, then at an interval.</summary>
public static partial class RetentionSweeps
{
    /// <summary>
    /// Sweeps the retention rules every <paramref name="interval"/> (default 6 hours). Each sweep takes the records that
    /// expired since the last one, so the interval only sets how soon after its period ends a record goes.
    /// </summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="interval">How often; at least one minute.</param>
    /// <param name="dryRun">Only count and log what would change (to check new rules before they act).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException">The interval is shorter than a minute.</exception>
    public static IPrivacyBuilder AddRetentionSweeps(this IPrivacyBuilder builder, TimeSpan? interval = null, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var every = interval ?? TimeSpan.FromHours(6);
        if (every < TimeSpan.FromMinutes(1))
        {
            throw new PrivacyException($"Retention sweeps every {every} would scan the data needlessly: periods are counted in days. Use an interval of at least one minute, e.g. TimeSpan.FromHours(6).");
        }

        builder.Services.AddHostedService(sp => new SweepLoop(sp.GetRequiredService<IRetentionSweeper>(), every, dryRun, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SweepLoop>>()));
        return builder;
    }

    /// <summary>The loop.</summary>
    internal sealed partial class SweepLoop(IRetentionSweeper sweeper, TimeSpan interval, bool dryRun, TimeProvider time, ILogger<SweepLoop> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                try
                {
                    var report = await sweeper.SweepAsync(dryRun, stoppingToken).ConfigureAwait(false);
                    LogSwept(logger, report.DryRun, report.Lines.Sum(l => l.Changed), report.Lines.Sum(l => l.Deleted), report.Lines.Sum(l => l.Held), report.Lines.Count(l => l.Error is not null), report.NotSwept.Count);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex); // the next round resumes it
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }

        [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Retention sweep (dry run: {DryRun}): {Changed} values erased, {Deleted} records deleted, {Held} held, {Failed} areas failed, {NotSwept} rules not swept.")]
        private static partial void LogSwept(ILogger logger, bool dryRun, int changed, int deleted, int held, int failed, int notSwept);

        [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "A retention sweep failed; the next round resumes it.")]
        private static partial void LogFailed(ILogger logger, Exception exception);
    }
}
