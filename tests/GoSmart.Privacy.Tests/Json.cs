using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Tests;

internal static class Json
{
    public static string Export<T>(T value, IPersonalDataPlan<T>? plan = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            (plan ?? PersonalDataPlan.For<T>()).WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonElement Parse<T>(T value) => JsonDocument.Parse(Export(value)).RootElement;
}
