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
            (plan ?? PersonalDataPlans.For<T>()).WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonElement Parse<T>(T value) => JsonDocument.Parse(Export(value)).RootElement;

    /// <summary>The JSON <paramref name="value"/> is disclosed as under <paramref name="context"/> (written redacted, not changed).</summary>
    public static string Disclosed<T>(T value, IPersonalDataPlan<T> plan, RedactionContext context)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            plan.WriteJson(writer, value, context);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
