namespace GoSmart.Privacy;

/// <summary>
/// What a <see cref="IPersonalDataPlan"/>'s redaction did: one entry per member (subject ids excluded,
/// they are never redacted). A report belongs to one plan and can be reused across calls.
/// </summary>
public sealed class RedactionReport
{
    private readonly int[] _counts;
    private readonly bool[] _notWritable;

    /// <summary>Creates an empty report for <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan whose redactions the report records.</param>
    public RedactionReport(IPersonalDataPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _counts = new int[plan.Members.Count];
        _notWritable = new bool[plan.Members.Count];
    }

    /// <summary>Gets the plan the report belongs to.</summary>
    public IPersonalDataPlan Plan { get; }

    /// <summary>Gets one entry per redactable member, in the plan's order.</summary>
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
            }

            return entries;
        }
    }

    /// <summary>Gets how many values were erased, masked, hashed or generalized.</summary>
    public int ChangedCount => Sum(static (m, nw) => m.Erasure != ErasureStrategy.Retain && !nw);

    /// <summary>Gets how many values were kept under an exemption.</summary>
    public int RetainedCount => Sum(static (m, _) => m.Erasure == ErasureStrategy.Retain);

    /// <summary>Gets how many values could not be written.</summary>
    public int NotWritableCount => Sum(static (m, nw) => m.Erasure != ErasureStrategy.Retain && nw);

    /// <summary>Records that member <paramref name="memberIndex"/>'s strategy met <paramref name="count"/> more values. Used by plans.</summary>
    /// <param name="memberIndex">The index of the member in <see cref="IPersonalDataPlan.Members"/>.</param>
    /// <param name="count">How many values.</param>
    public void Record(int memberIndex, int count = 1) => _counts[memberIndex] += count;

    /// <summary>Records that member <paramref name="memberIndex"/> held a value that could not be written. Used by plans.</summary>
    /// <param name="memberIndex">The index of the member in <see cref="IPersonalDataPlan.Members"/>.</param>
    public void RecordNotWritable(int memberIndex) => _notWritable[memberIndex] = true;

    /// <summary>Clears every count so the report can be reused.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        Array.Clear(_notWritable);
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
