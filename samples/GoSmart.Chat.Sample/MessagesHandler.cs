using System.Runtime.CompilerServices;
using GoSmart.Privacy;

namespace GoSmart.Chat.Sample;

/// <summary>
/// How the chat plugs into requests. Export: the subject's messages, and the messages they reacted to — those are the
/// authors' records, so the SDK redacts the authors' data and keeps only the subject's own reaction (Art. 15(4)).
/// Erasure, owner-aware: the subject's own messages are anonymised through their plan, and in other people's messages
/// only the subject's reaction goes — the author's words and other people's reactions stay.
/// </summary>
public sealed class MessagesHandler(ChatDatabase database) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "chat.messages";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(Message)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var message in database.Involving(subject.TenantId, subject.SubjectId))
        {
            await Task.Yield();
            yield return message;
        }
    }

    public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        foreach (var message in database.Involving(context.Subject.TenantId, context.Subject.SubjectId))
        {
            var row = message;
            context.Apply(ref row); // exactly the subject's parts: their message's text, attachment names and time; their reaction elsewhere
            database.Save(row);
        }

        return Task.CompletedTask;
    }
}
