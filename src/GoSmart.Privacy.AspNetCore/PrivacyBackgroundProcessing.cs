using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy;

/// <summary>Runs <see cref="IPrivacyRequestService.ResumeAsync"/> in the background: at start-up, then at an interval.</summary>
public static partial class PrivacyBackgroundProcessing
{
    /// <summary>
    /// Resumes requests at start-up and every <paramref name="interval"/> (default 30 seconds): the heartbeat that keeps
    /// this instance's handlers registered, the pick-up of requests another service submitted, and the finishing of steps
    /// whose owner crashed.
    /// </summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="interval">How often; at least one second.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddBackgroundProcessing(this IPrivacyBuilder builder, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var every = interval ?? TimeSpan.FromSeconds(30);
        if (every < TimeSpan.FromSeconds(1))
        {
            throw new PrivacyException($"Background processing every {every} would hammer the database. Use an interval of at least one second.");
        }

        builder.Services.AddHostedService(sp => new ResumeLoop(sp.GetRequiredService<IPrivacyRequestService>(), every, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ResumeLoop>>()));
        return builder;
    }

    /// <summary>The loop.</summary>
    internal sealed partial class ResumeLoop(IPrivacyRequestService requests, TimeSpan interval, TimeProvider time, ILogger<ResumeLoop> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                try
                {
                    await requests.ResumeAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex); // the next round tries again
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }

        [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Resuming privacy requests failed; the next round tries again.")]
        private static partial void LogFailed(ILogger logger, Exception exception);
    }
}
