using System.Collections.Concurrent;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>Keeps every message instead of sending it: for development, and for tests that follow the links.</summary>
public sealed class InMemoryPrivacyMailer : IPrivacyMailer
{
    private readonly ConcurrentQueue<PrivacyMail> _sent = new();

    /// <summary>Gets the messages sent so far, oldest first.</summary>
    public IReadOnlyList<PrivacyMail> Sent => [.. _sent];

    /// <inheritdoc />
    public Task SendAsync(PrivacyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
