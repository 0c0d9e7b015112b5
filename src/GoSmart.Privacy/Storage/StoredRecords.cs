using System.ComponentModel;
using System.Text.Json;

namespace GoSmart.Privacy;

/// <summary>How durable stores write records (requests, step results, consent events) as JSON text, in one place for every database.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StoredRecords
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>Writes a record as JSON.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

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
