namespace GoSmart.Privacy;

/// <summary>
/// Erases or anonymises a subject's data in one area (Art. 17). It runs once per request — its completion is
/// recorded before the request moves on — but after a crash between its work and that record it runs again,
/// so it must be idempotent (erasing erased data changes nothing).
/// </summary>
public interface IErasureHandler : IPrivacyHandler
{
    /// <summary>Loads the subject's records in the subject's tenant, applies each one's plan through <paramref name="context"/>, stores them, and tells recipients (Art. 19).</summary>
    /// <param name="context">The request, and what records what was done.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the area is erased.</returns>
    Task EraseAsync(IErasureContext context, CancellationToken cancellationToken);
}

/// <summary>What an <see cref="IErasureHandler"/> works with: the request, the plans' strategies, and the tallies of what it did.</summary>
public interface IErasureContext
{
    /// <summary>Gets the subject and tenant.</summary>
    SubjectRef Subject { get; }

    /// <summary>Gets the request's id.</summary>
    Guid RequestId { get; }

    /// <summary>Gets why the erasure was asked for, if a reason was given.</summary>
    string? Reason { get; }

    /// <summary>
    /// Gets how far an earlier run of this step got — what it last passed to <see cref="SaveProgressAsync"/> before it
    /// crashed or failed — or <see langword="null"/> on a first run. A handler that works in batches resumes after it;
    /// the tallies of the batches before it are already counted.
    /// </summary>
    string? Progress { get; }

    /// <summary>
    /// Records, durably and with the tallies so far, how far the handler got: call it after each batch is stored. A run
    /// after a crash starts with <see cref="Progress"/> and those tallies, so a stored batch is not erased twice (at most
    /// the batch in flight when the process died runs again, and erasing erased data changes nothing).
    /// </summary>
    /// <param name="progress">Where to resume, e.g. the last key stored; at most 4,000 characters, no personal data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the progress is durable.</returns>
    /// <exception cref="PrivacyException">The progress is empty or too long, or this instance no longer holds the step.</exception>
    Task SaveProgressAsync(string progress, CancellationToken cancellationToken);

    /// <summary>
    /// Gets strings — the subject's names, e-mail addresses, phone digits — of which another person's free text must
    /// contain at least one, ignoring case, to mention the subject; empty when no free-text redaction is registered
    /// (<c>AddTextScanner</c>) or nothing identifies the subject in text. A handler whose records have
    /// <c>[FreeText]</c> members also finds other people's records containing one of them and passes them to
    /// <see cref="Apply{T}(ref T)"/>, which replaces the subject's mentions there with a pseudonym and leaves the rest.
    /// </summary>
    IReadOnlyList<string> MentionTerms => [];

    /// <summary>
    /// Applies the erasure strategies to exactly the parts of <paramref name="entity"/> that belong to the subject, in
    /// place, and counts what was erased and retained. A part belongs to the subject when the nearest object around it
    /// with a <c>[DataSubjectId]</c> is theirs: the whole of the subject's own record, and their reaction, mention or
    /// read receipt inside someone else's record — whose other parts are left intact. Pass other people's records
    /// that hold the subject's parts too; a type without a subject id is taken to be the subject's.
    /// </summary>
    /// <typeparam name="T">The tagged type.</typeparam>
    /// <param name="entity">A record holding the subject's data (a struct is written back).</param>
    void Apply<T>(ref T entity);

    /// <summary>
    /// Counts what a set-based statement (<c>UPDATE … SET column = constant</c>) erased in the subject's own records, as
    /// <see cref="Apply{T}(ref T)"/> would have counted it: for each member path of the type's plan, how many records held a
    /// value. Members the plan retains count as retained under their exemption.
    /// </summary>
    /// <param name="entityType">The tagged type of the records.</param>
    /// <param name="valuesByMember">Per member path, how many values the statement met.</param>
    /// <exception cref="PrivacyException">A path is not a member of the type's plan.</exception>
    void RecordSetBased(Type entityType, IReadOnlyDictionary<string, int> valuesByMember);

    /// <summary>Counts records deleted outright (rows removed) rather than anonymised.</summary>
    /// <param name="entityType">The tagged type of the records.</param>
    /// <param name="count">How many.</param>
    void RecordDeleted(Type entityType, int count);

    /// <summary>Records that a recipient of the data was told about the erasure (Art. 19).</summary>
    /// <param name="recipient">The recipient, e.g. <c>newsletter-provider</c>.</param>
    void RecordRecipientNotified(string recipient);
}
