using System.Runtime.CompilerServices;
using GoSmart.Privacy;

namespace GoSmart.Crm.Sample;

/// <summary>How the CRM plugs into data-subject requests: its contacts, exported and erased through their plans, only in the request's tenant.</summary>
public sealed class ContactsHandler(CrmDatabase database) : IPersonalDataExporter, IErasureHandler
{
    public string Name => "crm.contacts";

    public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var contact in database.ContactsOfAsync(subject.TenantId, subject.SubjectId, cancellationToken))
        {
            yield return contact;
        }
    }

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        // Read the subject's rows first, then write: SQLite does not let one connection write while another still reads.
        var contacts = new List<Contact>();
        await foreach (var contact in database.ContactsOfAsync(context.Subject.TenantId, context.Subject.SubjectId, cancellationToken))
        {
            contacts.Add(contact);
        }

        foreach (var contact in contacts)
        {
            var row = contact;
            context.Apply(ref row); // names erased, e-mail hashed, phone masked; company, deals and card kept under their exemptions
            database.Save(row);
        }
    }
}
