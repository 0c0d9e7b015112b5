namespace GoSmart.Privacy;

/// <summary>What an <see cref="IRetentionHandler"/> works with during one sweep of one rule.</summary>
public interface IRetentionContext
{
    /// <summary>Gets the rule being applied.</summary>
    RetentionRule Rule { get; }

    /// <summary>Gets the start of the window (inclusive): records anchored earlier were swept before. <see cref="DateTimeOffset.MinValue"/> on the first sweep.</summary>
    DateTimeOffset ExpiredAfter { get; }

    /// <summary>Gets the end of the window (exclusive): records anchored before it have passed their period.</summary>
    DateTimeOffset ExpiredBefore { get; }

    /// <summary>Gets whether this is a dry run: count what would change, store nothing.</summary>
    bool DryRun { get; }

    /// <summary>Gets how far an interrupted sweep of this window got (what it passed to <see cref="SaveProgressAsync"/>), or <see langword="null"/>.</summary>
    string? Progress { get; }

    /// <summary>Records, durably and with the tallies so far, how far the sweep got: call it after each stored batch. Ignored in a dry run.</summary>
    /// <param name="progress">Where to resume, e.g. the last key stored; at most 4,000 characters, no personal data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the progress is durable.</returns>
    Task SaveProgressAsync(string progress, CancellationToken cancellationToken);

    /// <summary>
    /// Gets whether a record must be skipped: a legal hold holds it (counted and reported with the hold, and swept again
    /// when the hold is released), or — when a released hold's records are swept again — it is not one of them.
    /// </summary>
    /// <param name="tenantId">The record's tenant.</param>
    /// <param name="subjectId">The record's subject id, or <see langword="null"/> when it has none.</param>
    /// <returns><see langword="true"/> to skip the record.</returns>
    bool IsHeld(string tenantId, string? subjectId);

    /// <summary>Applies the plan's erasure strategies to the whole record, in place, and counts what changed and what its exemptions retained.</summary>
    /// <typeparam name="T">The tagged type.</typeparam>
    /// <param name="record">The record.</param>
    void Apply<T>(ref T record);

    /// <summary>Counts records deleted (or, in a dry run, that would be).</summary>
    /// <param name="recordType">The records' type.</param>
    /// <param name="count">How many.</param>
    void RecordDeleted(Type recordType, int count);
}
