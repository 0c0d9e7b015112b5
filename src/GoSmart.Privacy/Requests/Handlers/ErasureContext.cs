using GoSmart.Privacy.Requests.Engine;

namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>The <see cref="IErasureContext"/> of one handler run: applies plans and tallies what they did.</summary>
internal sealed class ErasureContext : IErasureContext
{
    private readonly object _gate = new();
    private readonly PrivacyRequest _request;
    private readonly RedactionContext _redaction;
    private readonly RedactionContext _owned;
    private readonly string _handler;
    private readonly StepCheckpoint _checkpoint;
    private readonly Dictionary<ErasureExemption, int> _exemptions = [];
    private readonly RecipientLog _recipients;
    private int _changed;
    private int _retained;
    private int _notWritable;
    private int _deleted;

    /// <summary>Starts a run of <paramref name="handler"/>, from the tallies of its last checkpoint, if any.</summary>
    public ErasureContext(PrivacyRequest request, RedactionContext redaction, string handler, StepCheckpoint checkpoint)
    {
        _request = request;
        _redaction = redaction;
        _owned = redaction.ErasingOnlySubject(request.Subject.SubjectId);
        _handler = handler;
        _checkpoint = checkpoint;
        _recipients = new RecipientLog(handler);
        if (checkpoint.Tallies is { } so)
        {
            (_changed, _retained, _notWritable, _deleted) = (so.Changed, so.Retained, so.NotWritable, so.Deleted);
            foreach (var exemption in so.Exemptions)
            {
                _exemptions[exemption.Exemption] = exemption.Count;
            }

            foreach (var recipient in so.RecipientsNotified)
            {
                _recipients.Add(recipient);
            }
        }
    }

    public SubjectRef Subject => _request.Subject;

    public Guid RequestId => _request.Id;

    public string? Reason => _request.Reason;

    public string? Progress => _checkpoint.Progress;

    public IReadOnlyList<string> MentionTerms => _owned.ErasureFreeText?.SearchTerms ?? [];

    public Task SaveProgressAsync(string progress, CancellationToken cancellationToken) => _checkpoint.SaveAsync(progress, Result(), cancellationToken);

    public void Apply<T>(ref T entity)
    {
        if (entity is null)
        {
            throw new PrivacyException($"Handler '{_handler}' passed null to Apply. Pass each record of the subject.");
        }

        // Owner-aware: exactly the parts owned by the erased subject — the whole of their own record, their reaction or
        // mention inside someone else's — and nothing of anyone else. A type without a subject id is the subject's.
        var plan = PersonalDataPlans.For<T>();
        var report = new RedactionReport(plan);
        plan.Redact(ref entity, plan.SubjectIdPath is null ? _redaction : _owned, report);
        lock (_gate)
        {
            _changed += report.ChangedCount;
            _retained += report.RetainedCount;
            _notWritable += report.NotWritableCount;
            foreach (var entry in report.Entries)
            {
                if (entry.Outcome == RedactionOutcome.Retained && entry.Count > 0)
                {
                    _exemptions[entry.Exemption] = _exemptions.GetValueOrDefault(entry.Exemption) + entry.Count;
                }
            }
        }
    }

    public void RecordSetBased(Type entityType, IReadOnlyDictionary<string, int> valuesByMember)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(valuesByMember);
        var plan = PersonalDataPlans.For(entityType);
        var members = plan.Members.Where(m => !m.IsSubjectId).ToDictionary(m => m.Path, StringComparer.Ordinal);
        foreach (var (path, count) in valuesByMember)
        {
            if (!members.ContainsKey(path) || count < 0)
            {
                throw new PrivacyException($"Handler '{_handler}' recorded {count} values of '{entityType.Name}.{path}', which is not a member of its plan that erasure changes or retains. Record one of: {string.Join(", ", members.Keys)}.");
            }
        }

        lock (_gate)
        {
            foreach (var (path, count) in valuesByMember)
            {
                var member = members[path];
                if (member.Erasure != ErasureStrategy.Retain)
                {
                    _changed += count;
                }
                else if (count > 0)
                {
                    _retained += count;
                    _exemptions[member.Exemption] = _exemptions.GetValueOrDefault(member.Exemption) + count;
                }
            }
        }
    }

    public void RecordDeleted(Type entityType, int count)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _deleted += count;
        }
    }

    public void RecordRecipientNotified(string recipient) => _recipients.Add(recipient);

    public HandlerResult Result()
    {
        lock (_gate)
        {
            return new HandlerResult(_changed, _retained, _notWritable, _deleted, 0,
                [.. _exemptions.OrderBy(e => e.Key).Select(e => new ExemptionCount(e.Key, e.Value))],
                _recipients.Snapshot());
        }
    }
}
