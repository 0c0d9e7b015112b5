namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>The recipients a handler told about an erasure or correction (Art. 19), thread-safe, reported distinct and sorted.</summary>
internal sealed class RecipientLog(string handler)
{
    private readonly object _gate = new();
    private readonly SortedSet<string> _recipients = new(StringComparer.Ordinal);

    public void Add(string recipient)
    {
        HandlerGuards.EnsureRecipient(recipient, handler);
        lock (_gate)
        {
            _recipients.Add(recipient);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _recipients];
        }
    }
}
