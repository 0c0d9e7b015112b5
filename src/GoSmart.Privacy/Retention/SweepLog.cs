using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy.Retention;

/// <summary>The retention sweeper's log messages: rule, handler and counts only, never personal data.</summary>
internal static partial class SweepLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Retention rule {Rule} in {Handler} (dry run: {DryRun}): changed {Changed} values, deleted {Deleted} records, skipped {Held} held")]
    public static partial void Swept(ILogger logger, string rule, string handler, bool dryRun, int changed, int deleted, int held);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Retention rule {Rule} in {Handler}: progress {Progress}, {Done} so far")]
    public static partial void Progress(ILogger logger, string rule, string handler, string progress, int done);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Retention rule {Rule} in {Handler}: resuming an interrupted sweep after {Progress}")]
    public static partial void Resuming(ILogger logger, string rule, string handler, string progress);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Retention rule {Rule} in {Handler} failed; the next sweep resumes it")]
    public static partial void Failed(ILogger logger, string rule, string handler, Exception exception);
}
