namespace GoSmart.Privacy;

/// <summary>
/// Exports one area of a subject's data (e.g. <c>crm.contacts</c>, <c>chat.messages</c>) for access and
/// portability requests (Art. 15, 20), as a stream: records are read one at a time and written as they come,
/// so no exporter ever holds all of a subject's records in memory.
/// </summary>
public interface IPersonalDataExporter : IPrivacyHandler
{
    /// <summary>
    /// Yields the subject's records in the subject's tenant, as loaded from the store. Each record is written
    /// through its type's plan; a record that belongs to someone else (its subject id is another person's, e.g.
    /// a chat message another participant wrote) has the other people's personal data redacted before it is
    /// written (Art. 15(4)). Yield fresh copies, never objects the application still uses: they may be redacted.
    /// </summary>
    /// <param name="subject">The subject and tenant.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The records, streamed.</returns>
    IAsyncEnumerable<object> ExportAsync(SubjectRef subject, CancellationToken cancellationToken);
}
