using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GoSmart.Privacy.Telemetry;

/// <summary>
/// The SDK's instruments and activity source, one place for every name and tag. Instruments are static, as the
/// runtime's own are: a listener subscribes by <see cref="PrivacyTelemetry.MeterName"/>, and recording costs nothing
/// when nobody listens.
/// </summary>
internal static class PrivacyMetrics
{
    private static readonly Meter Meter = new(PrivacyTelemetry.MeterName, typeof(PrivacyMetrics).Assembly.GetName().Version?.ToString());

    /// <summary>The source of one activity per request processed and per handler step.</summary>
    public static readonly ActivitySource Source = new(PrivacyTelemetry.ActivitySourceName, typeof(PrivacyMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Submitted = Meter.CreateCounter<long>("gosmart.privacy.requests.submitted", "{request}", "Data-subject requests received, by kind.");
    private static readonly Counter<long> Closed = Meter.CreateCounter<long>("gosmart.privacy.requests.closed", "{request}", "Data-subject requests closed, by kind and final status.");
    private static readonly Histogram<double> TimeToClose = Meter.CreateHistogram<double>("gosmart.privacy.requests.time_to_close", "h", "Hours from a request's receipt to its close, by kind and status (Art. 12(3): one month).");
    private static readonly Counter<long> ClosedLate = Meter.CreateCounter<long>("gosmart.privacy.requests.closed_late", "{request}", "Requests closed after their due date, by kind.");
    private static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("gosmart.privacy.step.duration", "s", "How long one handler step ran, by request kind, handler and outcome.");
    private static readonly Counter<long> StepRetries = Meter.CreateCounter<long>("gosmart.privacy.step.retries", "{retry}", "Handler attempts after the first, by handler.");
    private static readonly Counter<long> ConsentChanges = Meter.CreateCounter<long>("gosmart.privacy.consent.changes", "{event}", "Consent events recorded, by purpose and decision (Granted, Withdrawn, Objected).");
    private static readonly Counter<long> RetentionRecords = Meter.CreateCounter<long>("gosmart.privacy.retention.records", "{record}", "Records a retention sweep processed, by rule and outcome (changed, deleted, retained, not_writable, held).");

    public static void RequestSubmitted(PrivacyRequest request) =>
        Submitted.Add(1, new KeyValuePair<string, object?>("gosmart.request.kind", request.Kind.ToString()));

    /// <summary>Records a request that just closed.</summary>
    public static void RequestClosed(PrivacyRequest request)
    {
        var kind = new KeyValuePair<string, object?>("gosmart.request.kind", request.Kind.ToString());
        var status = new KeyValuePair<string, object?>("gosmart.request.status", request.Status.ToString());
        Closed.Add(1, kind, status);
        if (request.ClosedAt is { } closedAt)
        {
            TimeToClose.Record((closedAt - request.ReceivedAt).TotalHours, kind, status);
            if (closedAt > request.DueAt)
            {
                ClosedLate.Add(1, kind);
            }
        }
    }

    /// <summary>Starts the activity of one request being processed on this instance (no subject, no tenant in its tags).</summary>
    public static Activity? StartRequest(PrivacyRequest request)
    {
        var activity = Source.StartActivity("gosmart.privacy.request " + request.Kind);
        activity?.SetTag("gosmart.request.id", request.Id.ToString());
        activity?.SetTag("gosmart.request.kind", request.Kind.ToString());
        return activity;
    }

    /// <summary>Starts the activity of one handler step.</summary>
    public static Activity? StartStep(PrivacyRequest request, string handler)
    {
        var activity = Source.StartActivity("gosmart.privacy.step " + handler);
        activity?.SetTag("gosmart.request.id", request.Id.ToString());
        activity?.SetTag("gosmart.request.kind", request.Kind.ToString());
        activity?.SetTag("gosmart.handler", handler);
        return activity;
    }

    /// <summary>Records a finished step: its duration and outcome, and the retries it took.</summary>
    public static void StepFinished(Activity? activity, PrivacyRequest request, string handler, StepState state, TimeSpan elapsed, int retries)
    {
        var handlerTag = new KeyValuePair<string, object?>("gosmart.handler", handler);
        StepDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("gosmart.request.kind", request.Kind.ToString()), handlerTag, new KeyValuePair<string, object?>("gosmart.step.state", state.ToString()));
        if (retries > 0)
        {
            StepRetries.Add(retries, handlerTag);
        }

        activity?.SetTag("gosmart.step.state", state.ToString());
        activity?.SetTag("gosmart.step.retries", retries);
        activity?.SetStatus(state == StepState.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
    }

    public static void ConsentChanged(string purpose, ConsentDecision decision) =>
        ConsentChanges.Add(1, new KeyValuePair<string, object?>("gosmart.consent.purpose", purpose), new KeyValuePair<string, object?>("gosmart.consent.decision", decision.ToString()));

    /// <summary>Records what one rule's sweep of one handler's area did (a dry run records nothing).</summary>
    public static void RetentionProcessed(string rule, RetentionSweepLine line)
    {
        Add(rule, "changed", line.Changed);
        Add(rule, "deleted", line.Deleted);
        Add(rule, "retained", line.Retained);
        Add(rule, "not_writable", line.NotWritable);
        Add(rule, "held", line.Held);

        static void Add(string rule, string outcome, int count)
        {
            if (count > 0)
            {
                RetentionRecords.Add(count, new KeyValuePair<string, object?>("gosmart.retention.rule", rule), new KeyValuePair<string, object?>("gosmart.retention.outcome", outcome));
            }
        }
    }
}
