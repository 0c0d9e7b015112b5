using System.Text.Json;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>The floor: code written by hand that does exactly the plan's work for <see cref="BenchContact"/>.</summary>
public static class HandWritten
{
    public static void WriteJson(Utf8JsonWriter w, BenchContact c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        WriteString(w, "firstName", c.FirstName);
        WriteString(w, "lastName", c.LastName);
        WriteString(w, "email", c.Email);
        WriteString(w, "title", c.Title);
        WriteString(w, "company", c.Company);
        w.WritePropertyName("birthDate");
        if (c.BirthDate is { } birth)
        {
            w.WriteStringValue(birth);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteNumber("age", c.Age);
        WriteString(w, "cardLastFour", c.CardLastFour);
        w.WriteNumber("lifetimeValue", c.LifetimeValue);
        w.WriteString("lastSeen", c.LastSeen);
        WriteString(w, "language", c.Language);
        WriteString(w, "country", c.Country);
        WriteString(w, "healthNote", c.HealthNote);
        w.WritePropertyName("address");
        if (c.Address is { } a)
        {
            w.WriteStartObject();
            WriteString(w, "street", a.Street);
            WriteString(w, "city", a.City);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("phones");
        foreach (var p in c.Phones)
        {
            w.WriteStartObject();
            WriteString(w, "number", p.Number);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Redact(BenchContact c)
    {
        c.FirstName = null;
        c.LastName = null;
        c.Email = null;
        c.Title = null;
        c.Company = null;
        c.BirthDate = null;
        c.Age = 0;
        c.CardLastFour = null;
        c.LifetimeValue = 0;
        c.LastSeen = default;
        c.Language = null;
        c.Country = null;
        c.HealthNote = null;
        if (c.Address is { } a)
        {
            a.Street = null;
            a.City = null;
        }

        foreach (var p in c.Phones)
        {
            p.Number = RedactionStrategies.Mask(p.Number, 4);
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
