using System.Text.Json;

namespace GoSmart.Privacy.Records;

/// <summary>
/// The records of processing as JSON: camelCase names, enums as camelCase names, indented, nothing omitted — a stable,
/// documented schema (docs/records-of-processing.md) that diffs well in a pull request.
/// </summary>
public static class RecordsJson
{
    private static readonly JsonSerializerOptions Options = Export.DocumentJson.Options;

    /// <summary>Writes the records as JSON.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(RecordsOfProcessing records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return JsonSerializer.Serialize(records, Options);
    }

    /// <summary>Reads records written by <see cref="Write"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The records.</returns>
    /// <exception cref="PrivacyException">The text is not records of processing, or of a newer schema.</exception>
    public static RecordsOfProcessing Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RecordsOfProcessing? records;
        try
        {
            records = JsonSerializer.Deserialize<RecordsOfProcessing>(json, Options);
        }
        catch (JsonException e)
        {
            throw new PrivacyException($"The text is not records of processing written by GoSmart.Privacy ({e.Message}). Write them with RecordsJson.Write or `gosmart-privacy records --format json`.", e);
        }

        if (records is null)
        {
            throw new PrivacyException("The text holds JSON null, not records of processing. Write them with RecordsJson.Write or `gosmart-privacy records --format json`.");
        }

        if (records.SchemaVersion > RecordsOfProcessing.CurrentSchemaVersion)
        {
            throw new PrivacyException($"The records have schema version {records.SchemaVersion}, newer than this code's {RecordsOfProcessing.CurrentSchemaVersion}. Read them with a newer GoSmart.Privacy.");
        }

        return records;
    }
}
