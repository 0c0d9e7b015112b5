namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>The <see cref="IErasureContext"/> of one handler run: applies plans and tallies what they did.</summary>
internal sealed class ErasureContext(PrivacyRequest request, RedactionContext redaction, string handler) : IErasureContext
{
    private readonly object _gate = new();
    private readonly RedactionContext _owned = redaction.ErasingOnlySubject(request.Subject.SubjectId);
    private readonly Dictionary<ErasureExemption, int> _exemptions = [];
    private readonly RecipientLog _recipients = new(handler);
    private int _changed;
    private int _retained;
    private int _notWritable;
    private int _deleted;

    public SubjectRef Subject => request.Subject;

    public Guid RequestId => request.Id;

    public string? Reason => request.Reason;

    public void Apply<T>(ref T entity)
    {
        if (entity is null)
        {
            throw new PrivacyException($"Handler '{handler}' passed null to Apply. Pass each record of the subject.");
        }

        // Owner-aware: exactly the parts owned by the erased subject — the whole of their own record, their reaction or
        // mention inside someone else's — and nothing of anyone else. A type without a subject id is the subject's.
        var plan = PersonalDataPlans.For<T>();
        var report = new RedactionReport(plan);
        plan.Redact(ref entity, plan.SubjectIdPath is null ? redaction : _owned, report);
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
