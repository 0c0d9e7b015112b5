using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoSmart.Privacy.Export;

/// <summary>The SDK's one JSON style for the documents it writes — erasure certificates, records of processing: camelCase names, enums as camelCase names, indented.</summary>
internal static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
