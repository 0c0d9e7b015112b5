using GoSmart.Privacy.Requests.Engine;

namespace GoSmart.Privacy.Retention;

/// <summary>The <see cref="IRetentionContext"/> of one rule in one area: the window, the holds, and the tallies.</summary>
internal sealed class RetentionContext : IRetentionContext
{
    private readonly object _gate = new();
    private readonly string _handler;
    private readonly IReadOnlySet<string> _categories;
    private readonly IReadOnlyList<LegalHold> _holds;
    private readonly LegalHold? _released;
    private readonly RedactionContext _redaction;
    private readonly Func<string, RetentionSweepLine, CancellationToken, Task> _save;
    private readonly HashSet<Guid> _heldBy = [];
    private RetentionSweepLine? _saved;
    private int _changed;
    private int _retained;
    private int _notWritable;
    private int _deleted;
    private int _held;

    /// <summary>Starts a sweep of a window, from the tallies of its last saved progress when it resumes.</summary>
    public RetentionContext(RetentionRule rule, string handler, IReadOnlySet<string> categories, DateTimeOffset after, DateTimeOffset before, bool dryRun,
        IReadOnlyList<LegalHold> holds, LegalHold? released, RedactionContext redaction, string? progress, RetentionSweepLine? tallies, Func<string, RetentionSweepLine, CancellationToken, Task> save)
    {
        (Rule, _handler, _categories, ExpiredAfter, ExpiredBefore, DryRun, _holds, _released, _redaction, Progress, _save) = (rule, handler, categories, after, before, dryRun, holds, released is null ? null : released with { ReleasedAt = null, ReleasedBy = null }, redaction, progress, save);
        if (tallies is not null)
        {
            (_changed, _retained, _notWritable, _deleted, _held) = (tallies.Changed, tallies.Retained, tallies.NotWritable, tallies.Deleted, tallies.Held);
            _heldBy.UnionWith(tallies.HeldBy);
            _saved = tallies;
        }
    }

    public RetentionRule Rule { get; }

    public DateTimeOffset ExpiredAfter { get; }

    public DateTimeOffset ExpiredBefore { get; }

    public bool DryRun { get; }

    public string? Progress { get; private set; }

    public Task SaveProgressAsync(string progress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(progress) || progress.Length > 4000)
        {
            throw new PrivacyException($"Retention handler '{_handler}' saved progress of {progress?.Length ?? 0} characters; progress is 1 to 4000 characters (the last key stored, no personal data).");
        }

        if (DryRun)
        {
            return Task.CompletedTask;
        }

        Progress = progress;
        var line = Line(null);
        _saved = line;
        return _save(progress, line, cancellationToken);
    }

    public bool IsHeld(string tenantId, string? subjectId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var held = false;
        foreach (var hold in _holds) // per row: no allocation when nothing holds it
        {
            if (hold.Holds(tenantId, subjectId, _handler, _categories))
            {
                lock (_gate)
                {
                    _held += held ? 0 : 1;
                    _heldBy.Add(hold.Id);
                }

                held = true;
            }
        }

        if (held)
        {
            return true;
        }

        return _released is not null && !_released.Holds(tenantId, subjectId, _handler, _categories); // a re-sweep touches only what the released hold kept
    }

    public void Apply<T>(ref T record)
    {
        if (record is null)
        {
            throw new PrivacyException($"Retention handler '{_handler}' passed null to Apply. Pass each expired record.");
        }

        var plan = PersonalDataPlans.For<T>();
        var report = new RedactionReport(plan);
        plan.Redact(ref record, _redaction, report);
        lock (_gate)
        {
            _changed += report.ChangedCount;
            _retained += report.RetainedCount;
            _notWritable += report.NotWritableCount;
        }
    }

    public void RecordDeleted(Type recordType, int count)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _deleted += count;
        }
    }

    /// <summary>
    /// The tallies of what is stored, for a sweep that failed: those of the last saved progress — the batch in flight was not
    /// stored and is swept (and counted) again on resume — or, in a dry run, everything counted.
    /// </summary>
    public RetentionSweepLine Failed(string error) =>
        DryRun ? Line(error)
        : (_saved ?? new RetentionSweepLine(Rule.Name, _handler, ExpiredAfter, ExpiredBefore, 0, 0, 0, 0, 0, [], null)) with { Error = error };

    /// <summary>The tallies so far, as a report line.</summary>
    public RetentionSweepLine Line(string? error)
    {
        lock (_gate)
        {
            return new RetentionSweepLine(Rule.Name, _handler, ExpiredAfter, ExpiredBefore, _changed, _retained, _notWritable, _deleted, _held, [.. _heldBy.Order()], error);
        }
    }
}
