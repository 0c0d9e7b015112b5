using System.Runtime.CompilerServices;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Demo;

/// <summary>Stands in for the CRM and Chat databases: rows per tenant.</summary>
public sealed class DemoStore
{
    public List<(string Tenant, CrmContact Contact)> Contacts { get; } = [];

    public List<(string Tenant, ChatMessage Message)> Messages { get; } = [];

    public List<(string Tenant, SupportTicket Ticket)> Tickets { get; } = [];
}

/// <summary>The help desk's handler: its tickets, in the request's tenant.</summary>
public sealed class SupportTicketsHandler(DemoStore store) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "support.tickets";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(SupportTicket)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (tenant, ticket) in store.Tickets.ToList())
        {
            if (tenant == subject.TenantId && subject.Is(ticket.CustomerId))
            {
                await Task.Yield();
                yield return new SupportTicket { Id = ticket.Id, CustomerId = ticket.CustomerId, Body = ticket.Body };
            }
        }
    }

    public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        foreach (var (tenant, ticket) in store.Tickets.ToList())
        {
            if (tenant == context.Subject.TenantId && context.Subject.Is(ticket.CustomerId))
            {
                var row = ticket;
                context.Apply(ref row);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>How Go Smart CRM plugs into requests: exports and erases its contacts, only in the request's tenant.</summary>
public sealed class CrmContactsHandler(DemoStore store) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "crm.contacts";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(CrmContact)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (_, contact) in Rows(subject))
        {
            await Task.Yield();
            yield return contact.Copy(); // a fresh copy, as a database read would give
        }
    }

    public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        foreach (var (_, contact) in Rows(context.Subject))
        {
            var row = contact;
            context.Apply(ref row);
        }

        context.RecordRecipientNotified("newsletter-provider");
        return Task.CompletedTask;
    }

    private IEnumerable<(string, CrmContact)> Rows(SubjectRef subject) =>
        store.Contacts.Where(r => r.Tenant == subject.TenantId && subject.Is(r.Contact.Id)).ToList();
}

/// <summary>How Go Smart Chat plugs in: the subject's messages, and other people's messages that mention them or carry their reaction (Art. 15(4), Art. 17).</summary>
public sealed class ChatMessagesHandler(DemoStore store) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "chat.messages";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(ChatMessage)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (tenant, message) in store.Messages.ToList())
        {
            if (tenant == subject.TenantId && Involves(message, subject.SubjectId))
            {
                await Task.Yield();
                yield return message with { Mentions = [.. message.Mentions.Select(m => m with { })], Reactions = [.. message.Reactions.Select(r => r with { })] };
            }
        }
    }

    public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        // Owner-aware: in the subject's own messages everything of theirs goes; in other people's messages only the
        // subject's mention and reaction do, and — in messages that name them (MentionTerms) — their name, e-mail
        // address and phone number inside the author's words; the rest of the author's words stay.
        foreach (var (tenant, message) in store.Messages.ToList())
        {
            if (tenant == context.Subject.TenantId && (Involves(message, context.Subject.SubjectId) || context.MentionTerms.Any(t => message.Text.Contains(t, StringComparison.OrdinalIgnoreCase))))
            {
                var row = message;
                context.Apply(ref row);
            }
        }

        return Task.CompletedTask;
    }

    private static bool Involves(ChatMessage message, string subjectId) =>
        message.AuthorId == subjectId || message.Mentions.Any(m => m.UserId == subjectId) || message.Reactions.Any(r => r.UserId == subjectId);
}

/// <summary>How people are written about in chat: the CRM's contacts (a real service reads its user directory).</summary>
public sealed class DemoDirectory(DemoStore store) : GoSmart.Privacy.Text.ISubjectIdentifierSource
{
    public ValueTask<GoSmart.Privacy.Text.SubjectIdentifiers?> FindAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        var contact = store.Contacts.Where(r => r.Tenant == subject.TenantId && subject.Is(r.Contact.Id)).Select(r => r.Contact).FirstOrDefault();
        return ValueTask.FromResult(contact is null ? null : new GoSmart.Privacy.Text.SubjectIdentifiers
        {
            Names = [contact.FullName],
            EmailAddresses = contact.Email is null ? [] : [contact.Email],
            PhoneNumbers = [.. contact.Phones.Select(p => p.Number).OfType<string>()],
        });
    }
}
