using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy.Requests.Engine;

/// <summary>What the request engine logs, under the <c>GoSmart.Privacy.PrivacyRequestService</c> category.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Tagged type {Type} has a [DataSubjectId] but no erasure handler covers it: erasure requests do not erase its records and end Incomplete. Register an IErasureHandler whose Covers includes it, or acknowledge it in PrivacyOptions.Coverage.OutOfScope with a reason.")]
    public static partial void Uncovered(ILogger logger, string type);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Handler {Handler} failed on attempt {Attempt} of a privacy request; it will be retried.")]
    public static partial void Retry(ILogger logger, string handler, int attempt, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Handler {Handler} failed a privacy request after {Attempts} attempts.")]
    public static partial void Failed(ILogger logger, string handler, int attempts, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The lease on step {Handler} of a privacy request ended before the handler finished; another instance owns the step now and its outcome here was discarded. Raise PrivacyOptions.StepLease if handlers run longer.")]
    public static partial void LeaseLost(ILogger logger, string handler);
}
