using System.Runtime.CompilerServices;
using GoSmart.Privacy;

namespace GoSmart.Chat.Sample;

/// <summary>
/// How the chat plugs into requests. Export: the subject's messages, and the messages they reacted to — those are the
/// authors' records, so the SDK redacts the authors' data and keeps only the subject's own reaction (Art. 15(4)).
/// Erasure: the subject's messages are anonymised through their plan.
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
        foreach (var message in database.Involving(context.Subject.TenantId, context.Subject.SubjectId).Where(m => context.Subject.Is(m.AuthorId)))
        {
            var row = message;
            context.Apply(ref row); // text and attachment names erased, time coarsened; reactions are other people's and stay
            database.Save(row);
        }

        return Task.CompletedTask;
    }
}
