namespace GoSmart.Privacy;

/// <summary>
/// What a <see cref="IPersonalDataPlan"/>'s redaction did: one entry per member (subject ids excluded,
/// they are never redacted). A report belongs to one plan and can be reused across calls.
/// </summary>
public sealed class RedactionReport
{
    private readonly int[] _counts;
    private readonly bool[] _notWritable;
    private readonly int[] _rewritten;

    /// <summary>Creates an empty report for <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan whose redactions the report records.</param>
    public RedactionReport(IPersonalDataPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _counts = new int[plan.Members.Count];
        _notWritable = new bool[plan.Members.Count];
        _rewritten = new int[plan.Members.Count];
    }

    /// <summary>Gets the plan the report belongs to.</summary>
    public IPersonalDataPlan Plan { get; }

    /// <summary>
    /// Gets one entry per redactable member, in the plan's order, and after a member's entry one more for the mentions of
    /// the erased subject its free text had in other people's parts (<see cref="RedactionOutcome.Pseudonymized"/>, or
    /// <see cref="RedactionOutcome.NotWritable"/>), when it had any.
    /// </summary>
    public IReadOnlyList<RedactionEntry> Entries
    {
        get
        {
            var members = Plan.Members;
            var entries = new List<RedactionEntry>(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                if (m.IsSubjectId)
                {
                    continue;
                }

                var outcome = _notWritable[i] && m.Erasure != ErasureStrategy.Retain ? RedactionOutcome.NotWritable : OutcomeOf(m.Erasure);
                entries.Add(new RedactionEntry(m.Path, outcome, m.Exemption, _counts[i]));
                if (_rewritten[i] > 0)
                {
                    entries.Add(new RedactionEntry(m.Path, _notWritable[i] ? RedactionOutcome.NotWritable : RedactionOutcome.Pseudonymized, ErasureExemption.None, _rewritten[i]));
                }
            }

            return entries;
        }
    }

    /// <summary>Gets how many values were erased, masked, hashed or generalized, and how many free texts had the erased subject's mentions replaced.</summary>
    public int ChangedCount => Sum(static (m, nw) => m.Erasure != ErasureStrategy.Retain && !nw) + Rewritten(notWritable: false);

    /// <summary>Gets how many values were kept under an exemption.</summary>
    public int RetainedCount => Sum(static (m, _) => m.Erasure == ErasureStrategy.Retain);

    /// <summary>Gets how many values could not be written.</summary>
    public int NotWritableCount => Sum(static (m, nw) => m.Erasure != ErasureStrategy.Retain && nw) + Rewritten(notWritable: true);

    /// <summary>Gets how many free texts in other people's parts had the erased subject's mentions replaced (counted in <see cref="ChangedCount"/> too).</summary>
    public int PseudonymizedCount => Rewritten(notWritable: false);

    /// <summary>Records that member <paramref name="memberIndex"/>'s strategy met <paramref name="count"/> more values. Used by plans.</summary>
    /// <param name="memberIndex">The index of the member in <see cref="IPersonalDataPlan.Members"/>.</param>
    /// <param name="count">How many values.</param>
    public void Record(int memberIndex, int count = 1) => _counts[memberIndex] += count;

    /// <summary>Records that member <paramref name="memberIndex"/> held a value that could not be written. Used by plans.</summary>
    /// <param name="memberIndex">The index of the member in <see cref="IPersonalDataPlan.Members"/>.</param>
    public void RecordNotWritable(int memberIndex) => _notWritable[memberIndex] = true;

    /// <summary>Records that member <paramref name="memberIndex"/>'s free text, in someone else's part, had the erased subject's mentions replaced. Used by plans.</summary>
    /// <param name="memberIndex">The index of the member in <see cref="IPersonalDataPlan.Members"/>.</param>
    public void RecordRewritten(int memberIndex) => _rewritten[memberIndex]++;

    /// <summary>Clears every count so the report can be reused.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        Array.Clear(_notWritable);
        Array.Clear(_rewritten);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Plan.EntityType.Name}: {ChangedCount} changed, {RetainedCount} retained, {NotWritableCount} not writable";

    /// <summary>Maps a strategy to the outcome it produces.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The outcome.</returns>
    public static RedactionOutcome OutcomeOf(ErasureStrategy strategy) => strategy switch
    {
        ErasureStrategy.Erase => RedactionOutcome.Erased,
        ErasureStrategy.Mask => RedactionOutcome.Masked,
        ErasureStrategy.Hash => RedactionOutcome.Hashed,
        ErasureStrategy.Generalize => RedactionOutcome.Generalized,
        ErasureStrategy.Retain => RedactionOutcome.Retained,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not a defined ErasureStrategy value."),
    };

    private int Rewritten(bool notWritable)
    {
        var total = 0;
        for (var i = 0; i < _rewritten.Length; i++)
        {
            if (_notWritable[i] == notWritable)
            {
                total += _rewritten[i];
            }
        }

        return total;
    }

    private int Sum(Func<PersonalMember, bool, bool> include)
    {
        var total = 0;
        var members = Plan.Members;
        for (var i = 0; i < members.Count; i++)
        {
            if (!members[i].IsSubjectId && include(members[i], _notWritable[i]))
            {
                total += _counts[i];
            }
        }

        return total;
    }
}
