namespace GoSmart.Privacy;

/// <summary>Applies a rectification request's corrections (Art. 16) to the records of one area. Like erasure it must be idempotent.</summary>
public interface IRectificationHandler : IPrivacyHandler
{
    /// <summary>Applies <see cref="IRectificationContext.Corrections"/> for the covered types to the subject's records in the subject's tenant.</summary>
    /// <param name="context">The request and its corrections.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the corrections are stored.</returns>
    Task RectifyAsync(IRectificationContext context, CancellationToken cancellationToken);
}

/// <summary>What an <see cref="IRectificationHandler"/> works with.</summary>
public interface IRectificationContext
{
    /// <summary>Gets the subject and tenant.</summary>
    SubjectRef Subject { get; }

    /// <summary>Gets the request's id.</summary>
    Guid RequestId { get; }

    /// <summary>Gets every correction of the request, each checked against the plans: a personal-data member that is not a subject id.</summary>
    IReadOnlyList<MemberCorrection> Corrections { get; }

    /// <summary>Counts records a correction was applied to.</summary>
    /// <param name="correction">The correction.</param>
    /// <param name="count">How many records.</param>
    void RecordApplied(MemberCorrection correction, int count);

    /// <summary>Records that a recipient of the data was told about the correction (Art. 19).</summary>
    /// <param name="recipient">The recipient.</param>
    void RecordRecipientNotified(string recipient);
}
