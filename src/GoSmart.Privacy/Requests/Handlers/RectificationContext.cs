namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>The <see cref="IRectificationContext"/> of one handler run.</summary>
internal sealed class RectificationContext(PrivacyRequest request, string handler) : IRectificationContext
{
    private readonly object _gate = new();
    private readonly RecipientLog _recipients = new(handler);
    private int _applied;

    public SubjectRef Subject => request.Subject;

    public Guid RequestId => request.Id;

    public IReadOnlyList<MemberCorrection> Corrections => request.Corrections;

    public void RecordApplied(MemberCorrection correction, int count)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!request.Corrections.Contains(correction))
        {
            throw new PrivacyException($"Handler '{handler}' recorded a correction of {correction.EntityType}.{correction.MemberPath} that the request does not contain. Record only the request's corrections.");
        }

        lock (_gate)
        {
            _applied += count;
        }
    }

    public void RecordRecipientNotified(string recipient) => _recipients.Add(recipient);

    public HandlerResult Result()
    {
        lock (_gate)
        {
            return HandlerResult.Empty with { Applied = _applied, RecipientsNotified = _recipients.Snapshot() };
        }
    }
}
