using System.Globalization;
using GoSmart.Privacy.Requests.Engine;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Retention;

/// <summary>
/// Applies each retention rule through the handlers it governs. Each sweep of a rule in an area takes the window of
/// anchors that expired since the last completed one — so each record is swept once per rule — leased to one instance,
/// with the handler's progress and tallies saved so a crash resumes the window. Records under legal hold are skipped
/// and their windows remembered with the hold, to be swept for them when it is released.
/// </summary>
internal sealed partial class RetentionSweeper(IServiceScopeFactory scopes, IRetentionSweepStore store, ILegalHoldStore holds, IPrivacyAuditLog audit, RedactionContext redaction, IOptions<PrivacyOptions> options, TimeProvider time, ILogger logger) : IRetentionSweeper
{
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public RetentionSweepReport? LastReport { get; private set; }

    /// <inheritdoc />
    public async Task<RetentionSweepReport> SweepAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var runId = Guid.NewGuid();
        var started = time.GetUtcNow();
        await AuditAsync(runId, "retention.sweep.started", null, dryRun ? "dry run" : "sweep", null, cancellationToken).ConfigureAwait(false);
        await using var scope = scopes.CreateAsyncScope();
        var handlers = RegisteredHandlers.Of<IRetentionHandler>(scope.ServiceProvider);
        var active = await holds.ListAsync(includeReleased: false, cancellationToken).ConfigureAwait(false);
        var lines = new List<RetentionSweepLine>();
        var notSwept = new List<string>();
        foreach (var rule in options.Value.Retention.Rules)
        {
            var governed = new List<IRetentionHandler>();
            var refused = false;
            foreach (var handler in handlers)
            {
                if (RetentionScopes.Governs(rule, handler, out var refusal))
                {
                    governed.Add(handler);
                }
                else if (refusal is not null)
                {
                    notSwept.Add($"Rule '{rule.Name}' in '{handler.Name}': {refusal}");
                    refused = true;
                }
            }

            if (governed.Count == 0 && !refused)
            {
                notSwept.Add($"Rule '{rule.Name}': {RetentionScopes.Unswept(rule)}");
            }

            foreach (var handler in governed)
            {
                lines.Add(await SweepAsync(runId, rule, handler, dryRun, active, cancellationToken).ConfigureAwait(false));
            }
        }

        var report = new RetentionSweepReport(runId, started, time.GetUtcNow(), dryRun, lines, notSwept);
        await AuditAsync(runId, "retention.sweep.finished", null, $"{(dryRun ? "dry run: " : string.Empty)}{lines.Count} areas, {lines.Count(l => l.Error is not null)} failed, {notSwept.Count} rules not swept",
            lines.Sum(l => l.Changed + l.Deleted), cancellationToken).ConfigureAwait(false);
        LastReport = report;
        return report;
    }

    /// <summary>Sweeps, for a released hold, exactly the records it kept from earlier sweeps (those no other hold now holds).</summary>
    /// <param name="released">The released hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One line per window swept again.</returns>
    public async Task<IReadOnlyList<RetentionSweepLine>> SweepReleasedAsync(LegalHold released, CancellationToken cancellationToken)
    {
        var windows = await store.GetHeldAsync(released.Id, cancellationToken).ConfigureAwait(false);
        if (windows.Count == 0)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var handlers = RegisteredHandlers.Of<IRetentionHandler>(scope.ServiceProvider).ToDictionary(h => h.Name, StringComparer.Ordinal);
        var rules = options.Value.Retention.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var active = await holds.ListAsync(includeReleased: false, cancellationToken).ConfigureAwait(false);
        var lines = new List<RetentionSweepLine>();
        foreach (var window in windows)
        {
            if (!rules.TryGetValue(window.Rule, out var rule) || !handlers.TryGetValue(window.Handler, out var handler))
            {
                continue; // the rule or handler was removed since: nothing applies it any more
            }

            var context = new RetentionContext(rule, handler.Name, Categories(handler), window.ExpiredAfter, window.ExpiredBefore, dryRun: false, active, released, redaction, null, null,
                static (_, _, _) => Task.CompletedTask); // a re-sweep is short and idempotent: it starts over rather than resumes
            lines.Add(await RunAsync(released.Id, rule, handler, context, cancellationToken).ConfigureAwait(false));
        }

        return lines;
    }

    private async Task<RetentionSweepLine> SweepAsync(Guid runId, RetentionRule rule, IRetentionHandler handler, bool dryRun, IReadOnlyList<LegalHold> active, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = options.Value.ControllerTimeZone;
        var before = rule.ExpiredBefore(now, zone);
        var cursor = await store.GetCursorAsync(rule.Name, handler.Name, cancellationToken).ConfigureAwait(false) ?? new RetentionCursor(rule.Name, handler.Name, 0);
        var after = cursor.DoneBefore ?? DateTimeOffset.MinValue;
        string? progress = null;
        RetentionSweepLine? tallies = null;
        if (!dryRun)
        {
            if (cursor.InFlightBefore is { } inFlight)
            {
                if (cursor.Owner != _instance && cursor.LeaseUntil > now)
                {
                    return Empty(rule, handler, after, inFlight, $"Another instance ({cursor.Owner}) is sweeping this window until {cursor.LeaseUntil:O}.");
                }

                (before, progress, tallies) = (inFlight, cursor.Progress, cursor.Tallies); // resume the interrupted window first
                SweepLog.Resuming(logger, rule.Name, handler.Name, progress ?? "(start)");
            }
            else if (before <= after)
            {
                return Empty(rule, handler, after, before, null); // nothing expired since the last sweep
            }

            cursor = cursor with { InFlightBefore = before, Owner = _instance, LeaseUntil = now + options.Value.StepLease };
            if (!await store.TrySaveCursorAsync(cursor, cancellationToken).ConfigureAwait(false))
            {
                return Empty(rule, handler, after, before, "Another instance claimed this window at the same time; it sweeps it.");
            }

            cursor = cursor with { Version = cursor.Version + 1 };
        }

        async Task SaveAsync(string saved, RetentionSweepLine line, CancellationToken token)
        {
            var next = cursor with { Progress = saved, Tallies = line, LeaseUntil = time.GetUtcNow() + options.Value.StepLease };
            if (!await store.TrySaveCursorAsync(next, token).ConfigureAwait(false))
            {
                throw new PrivacyException($"The sweep of rule '{rule.Name}' in '{handler.Name}' lost its window to another instance (its lease ran out); this instance stops and the other resumes it.");
            }

            cursor = next with { Version = next.Version + 1 };
            SweepLog.Progress(logger, rule.Name, handler.Name, saved, line.Changed + line.Deleted);
        }

        var context = new RetentionContext(rule, handler.Name, Categories(handler), after, before, dryRun, active, null, redaction, progress, tallies, SaveAsync);
        var result = await RunAsync(runId, rule, handler, context, cancellationToken).ConfigureAwait(false);
        if (!dryRun && result.Error is null)
        {
            foreach (var hold in result.HeldBy)
            {
                await store.RecordHeldAsync(new RetentionHeldWindow(hold, rule.Name, handler.Name, after, before), cancellationToken).ConfigureAwait(false);
            }

            var done = cursor with { DoneBefore = before, InFlightBefore = null, Owner = null, LeaseUntil = null, Progress = null, Tallies = null };
            if (!await store.TrySaveCursorAsync(done, cancellationToken).ConfigureAwait(false))
            {
                return result with { Error = "Another instance took this window over before it was marked swept; it sweeps it again (erasing erased data changes nothing)." };
            }
        }

        return result;
    }

    /// <summary>Runs the handler over one window, auditing and logging the outcome; a failure is the line's error, and the window stays in flight to be resumed.</summary>
    private async Task<RetentionSweepLine> RunAsync(Guid runId, RetentionRule rule, IRetentionHandler handler, RetentionContext context, CancellationToken cancellationToken)
    {
        RetentionSweepLine line;
        try
        {
            await handler.SweepAsync(context, cancellationToken).ConfigureAwait(false);
            line = context.Line(null);
            SweepLog.Swept(logger, rule.Name, handler.Name, context.DryRun, line.Changed, line.Deleted, line.Held);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            line = context.Failed(ex.GetType().Name + ": " + ex.Message);
            SweepLog.Failed(logger, rule.Name, handler.Name, ex);
        }

        if (!context.DryRun)
        {
            Telemetry.PrivacyMetrics.RetentionProcessed(rule.Name, line);
        }

        var outcome = string.Create(CultureInfo.InvariantCulture, $"{rule.Name}{(context.DryRun ? " (dry run)" : string.Empty)}: changed {line.Changed}, retained {line.Retained}, deleted {line.Deleted}, held {line.Held}{(line.Error is null ? string.Empty : ", failed")}");
        await AuditAsync(runId, line.Error is null ? "retention.swept" : "retention.failed", handler.Name, outcome, line.Changed + line.Deleted, cancellationToken).ConfigureAwait(false);
        return line;
    }

    private static RetentionSweepLine Empty(RetentionRule rule, IRetentionHandler handler, DateTimeOffset after, DateTimeOffset before, string? error) =>
        new(rule.Name, handler.Name, after, before, 0, 0, 0, 0, 0, [], error);

    private static IReadOnlySet<string> Categories(IRetentionHandler handler) => StepPlans.Categories(handler.Covers);

    private Task AuditAsync(Guid runId, string auditEvent, string? handler, string outcome, int? count, CancellationToken cancellationToken) =>
        audit.AppendAsync(new PrivacyAuditEvent(time.GetUtcNow(), runId, "*", string.Empty, auditEvent, handler, outcome, count), cancellationToken);
}
