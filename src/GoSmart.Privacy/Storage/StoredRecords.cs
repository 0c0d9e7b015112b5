using System.ComponentModel;
using System.Text.Json;

namespace GoSmart.Privacy.Storage;

/// <summary>How durable stores write records (requests, step results, consent events) as JSON text, in one place for every database.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal static class StoredRecords
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>Writes a record as JSON.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// A stored consent event as the integrity check must see it: its sealed payload, with every indexed column the
    /// store filters and orders by put in place of the payload's value. A column edited after sealing then breaks
    /// the event's hash, instead of silently moving the event (out of a subject's history, out of order).
    /// </summary>
    /// <param name="payload">The sealed event as stored.</param>
    /// <param name="tenantId">The tenant column.</param>
    /// <param name="sequence">The sequence column.</param>
    /// <param name="id">The id column.</param>
    /// <param name="subjectId">The subject column.</param>
    /// <param name="subjectKind">The subject-kind column.</param>
    /// <param name="purpose">The purpose column.</param>
    /// <param name="previousHash">The previous-hash column.</param>
    /// <param name="hash">The hash column.</param>
    /// <returns>The event the check verifies.</returns>
    public static ConsentEvent ConsentEventAsStored(string payload, string tenantId, long sequence, Guid id, string subjectId, int subjectKind, string purpose, string previousHash, string hash) =>
        Deserialize<ConsentEvent>(payload) with
        {
            TenantId = tenantId,
            Sequence = sequence,
            Id = id,
            SubjectId = subjectId,
            SubjectKind = (DataSubjectKind)subjectKind,
            Purpose = purpose,
            PreviousHash = previousHash,
            Hash = hash,
        };

    /// <summary>Whether a stored event's sealed payload belongs where its columns filed it: reads skip a row whose columns were moved.</summary>
    /// <param name="stored">The event read from its payload.</param>
    /// <param name="subject">The subject the read asked for.</param>
    /// <param name="purpose">The purpose the read asked for, or <see langword="null"/> for any.</param>
    /// <returns><see langword="true"/> when the payload is the subject's (and the purpose's).</returns>
    public static bool Belongs(ConsentEvent stored, SubjectRef subject, string? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(subject);
        return stored.Subject == subject && (purpose is null || stored.Purpose == purpose);
    }

    /// <summary>Reads a record written by <see cref="Serialize{T}"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="json">JSON text from the store.</param>
    /// <returns>The record.</returns>
    /// <exception cref="PrivacyException">The stored text is not such a record (the row was edited by hand or is corrupt).</exception>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new PrivacyException($"A stored {typeof(T).Name} could not be read: the row holds null. The database may have been edited by hand.");
        }
        catch (JsonException ex)
        {
            throw new PrivacyException($"A stored {typeof(T).Name} could not be read: {ex.Message} The database may have been edited by hand or written by an incompatible version.", ex);
        }
    }
}
