using System.Text.Json;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// The floor: code written by hand for <see cref="BenchContact"/> that does exactly the plan's work — the same
/// pre-encoded property names, the same null checks, and the same counts recorded into a report.
/// </summary>
public static class HandWritten
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText FirstName = JsonEncodedText.Encode("firstName");
    private static readonly JsonEncodedText LastName = JsonEncodedText.Encode("lastName");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Company = JsonEncodedText.Encode("company");
    private static readonly JsonEncodedText BirthDate = JsonEncodedText.Encode("birthDate");
    private static readonly JsonEncodedText Age = JsonEncodedText.Encode("age");
    private static readonly JsonEncodedText CardLastFour = JsonEncodedText.Encode("cardLastFour");
    private static readonly JsonEncodedText LifetimeValue = JsonEncodedText.Encode("lifetimeValue");
    private static readonly JsonEncodedText LastSeen = JsonEncodedText.Encode("lastSeen");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText HealthNote = JsonEncodedText.Encode("healthNote");
    private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText Street = JsonEncodedText.Encode("street");
    private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText Phones = JsonEncodedText.Encode("phones");
    private static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");

    public static void WriteJson(Utf8JsonWriter w, BenchContact c)
    {
        w.WriteStartObject();
        w.WriteString(Id, c.Id);
        WriteString(w, FirstName, c.FirstName);
        WriteString(w, LastName, c.LastName);
        WriteString(w, Email, c.Email);
        WriteString(w, Title, c.Title);
        WriteString(w, Company, c.Company);
        w.WritePropertyName(BirthDate);
        if (c.BirthDate is { } birth)
        {
            w.WriteStringValue(birth);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteNumber(Age, c.Age);
        WriteString(w, CardLastFour, c.CardLastFour);
        w.WriteNumber(LifetimeValue, c.LifetimeValue);
        w.WriteString(LastSeen, c.LastSeen);
        WriteString(w, Language, c.Language);
        WriteString(w, Country, c.Country);
        WriteString(w, HealthNote, c.HealthNote);
        w.WritePropertyName(Address);
        if (c.Address is { } a)
        {
            w.WriteStartObject();
            WriteString(w, Street, a.Street);
            WriteString(w, City, a.City);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray(Phones);
        foreach (var p in c.Phones)
        {
            w.WriteStartObject();
            WriteString(w, Number, p.Number);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Redact(BenchContact c, RedactionReport r)
    {
        r.Reset();
        if (c.FirstName is not null) { r.Record(1); c.FirstName = null; }
        if (c.LastName is not null) { r.Record(2); c.LastName = null; }
        if (c.Email is not null) { r.Record(3); c.Email = null; }
        if (c.Title is not null) { r.Record(4); c.Title = null; }
        if (c.Company is not null) { r.Record(5); c.Company = null; }
        if (c.BirthDate is not null) { r.Record(6); c.BirthDate = null; }
        r.Record(7);
        c.Age = 0;
        if (c.CardLastFour is not null) { r.Record(8); c.CardLastFour = null; }
        r.Record(9);
        c.LifetimeValue = 0;
        r.Record(10);
        c.LastSeen = default;
        if (c.Language is not null) { r.Record(11); c.Language = null; }
        if (c.Country is not null) { r.Record(12); c.Country = null; }
        if (c.HealthNote is not null) { r.Record(13); c.HealthNote = null; }
        if (c.Address is { } a)
        {
            if (a.Street is not null) { r.Record(14); a.Street = null; }
            if (a.City is not null) { r.Record(15); a.City = null; }
        }

        foreach (var p in c.Phones)
        {
            if (p?.Number is { } number)
            {
                r.Record(16);
                p.Number = RedactionStrategies.Mask(number, 4);
            }
        }
    }

    private static void WriteString(Utf8JsonWriter w, JsonEncodedText name, string? value)
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
