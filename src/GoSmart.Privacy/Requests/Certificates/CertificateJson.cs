using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoSmart.Privacy.Certificates;

/// <summary>The SDK's JSON style for certificates: camelCase names, enums as camelCase names, indented.</summary>
internal static class CertificateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
