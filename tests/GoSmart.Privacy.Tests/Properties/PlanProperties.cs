using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Properties;

public class PlanProperties
{
    private static Contact Build(string? first, string? email, string? card, int age, DateTime birth, string? health, string? company, byte ipLast, string untagged)
    {
        return new Contact
        {
            Id = Guid.NewGuid(),
            TenantId = untagged + "-tenant",
            FirstName = first ?? "",
            Email = email,
            CardLastFour = card,
            Age = age,
            BirthDate = DateOnly.FromDateTime(birth),
            HealthNote = health,
            Company = company,
            LastIp = new IPAddress([10, 1, 2, ipLast]),
            Address = new Address { Street = first, Notes = untagged + "-notes" },
            Phones = [new Phone { Number = card, Kind = untagged + "-kind" }],
            InternalScore = age,
        };
    }

    [Property(MaxTest = 300)]
    public bool After_redaction_no_member_that_is_not_retained_keeps_its_original_value(NonEmptyString first, NonEmptyString email, NonEmptyString card, int age, DateTime birth, NonEmptyString health, string? company, byte ip)
    {
        var c = Build(first.Get, email.Get, card.Get, age, birth, health.Get, company, ip, "x");
        PersonalDataPlans.For<Contact>().Redact(c, TestKeys.Context);

        return c.FirstName == ""
            && c.Email != email.Get && RedactionContext.IsPseudonym(c.Email)
            && c.CardLastFour!.Length == card.Get.Length && (card.Get.Length <= 4 ? c.CardLastFour.All(ch => ch == '*') : c.CardLastFour.EndsWith(card.Get[^4..], StringComparison.Ordinal))
            && c.Age == age - (age % 10) && (age % 10 == 0 || c.Age != age)
            && c.BirthDate == new DateOnly(birth.Year, 1, 1)
            && c.HealthNote is null
            && c.Company == company
            && c.LastIp!.Equals(new IPAddress([10, 1, 2, 0]))
            && c.Address!.Street is null
            && c.Phones[0].Number!.Length == card.Get.Length;
    }

    [Property(MaxTest = 200)]
    public bool After_redaction_no_original_value_survives_in_any_struct_shape(NonEmptyString label, bool nulls, bool generated)
    {
        var marker = "pii-" + label.Get;
        FixedPoint? Fixed(int i) => nulls && i % 2 == 1 ? null : new FixedPoint { Latitude = 10.5 + i, Label = marker + i };
        FieldPoint? Field(int i) => nulls && i % 2 == 0 ? null : new FieldPoint { Latitude = 20.5 + i, Label = marker + i };
        var value = new Whereabouts
        {
            UserId = "ada",
            Location = Fixed(1),
            Work = Fixed(2) ?? default,
            LastSeen = Field(3),
            Home = Field(5) ?? default,
            Commute = new Trip { From = Fixed(7), To = Field(9) ?? default },
            Pins = [Fixed(11), Fixed(12)],
            History = [Field(13), Field(14)],
            ByLabel = new() { ["a"] = Fixed(15), ["b"] = Fixed(16) },
        };
        var plan = generated ? PersonalDataPlans.For<Whereabouts>() : PersonalDataPlans.ForReflection<Whereabouts>();

        var report = plan.Redact(value, TestKeys.Context);

        var json = Json.Export(value, plan);
        return !json.Contains(marker, StringComparison.Ordinal) && !json.Contains(".5", StringComparison.Ordinal) && report.NotWritableCount == 0;
    }

    [Property(MaxTest = 300)]
    public bool WriteJson_is_valid_json_with_every_tagged_value_and_no_untagged_one(string? first, string? email, string? card, int age, DateTime birth, string? health)
    {
        var marker = Guid.NewGuid().ToString("N");
        var c = Build(first, email, card, age, birth, health, "Engines", 7, marker);

        var json = Json.Export(c);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        return root.GetProperty("firstName").GetString() == (first ?? "")
            && root.GetProperty("email_address").GetString() == email
            && root.GetProperty("cardLastFour").GetString() == card
            && root.GetProperty("age").GetInt32() == age
            && root.GetProperty("healthNote").GetString() == health
            && root.GetProperty("address").GetProperty("street").GetString() == first
            && root.GetProperty("phones")[0].GetProperty("number").GetString() == card
            && root.GetProperty("id").GetGuid() == c.Id
            && !json.Contains(marker, StringComparison.Ordinal)
            && !root.TryGetProperty("internalScore", out _)
            && !root.TryGetProperty("tenantId", out _);
    }

    [Property(MaxTest = 300)]
    public bool Redact_is_idempotent(string? first, string? email, string? card, int age, DateTime birth, string? health, string? company, byte ip)
    {
        var c = Build(first, email, card, age, birth, health, company, ip, "x");
        var plan = PersonalDataPlans.For<Contact>();
        plan.Redact(c, TestKeys.Context);
        var once = Json.Export(c);
        plan.Redact(c, TestKeys.Context);
        return once == Json.Export(c);
    }

    [Property(MaxTest = 300)]
    public bool Hash_is_deterministic_per_key_and_differs_across_keys(NonNull<string> value, Guid id)
    {
        var other = TestKeys.NewContext();
        var a = TestKeys.Context.Pseudonymize(value.Get);
        return (RedactionContext.IsPseudonym(value.Get) || a != value.Get)
            && a == TestKeys.Context.Pseudonymize(value.Get)
            && (RedactionContext.IsPseudonym(value.Get) || a != other.Pseudonymize(value.Get))
            && TestKeys.Context.Pseudonymize(id) == TestKeys.Context.Pseudonymize(id)
            && TestKeys.Context.Pseudonymize(id) != other.Pseudonymize(id)
            && TestKeys.Context.Pseudonymize(TestKeys.Context.Pseudonymize(id)) == TestKeys.Context.Pseudonymize(id);
    }

    [Property(MaxTest = 500)]
    public bool Generalize_and_mask_are_idempotent(long number, PositiveInt bucket, decimal amount, DateTime when, string? text, byte visible, byte[] address)
    {
        var ip = address.Length >= 4 ? new IPAddress(address.AsSpan(0, address.Length >= 16 ? 16 : 4)) : IPAddress.Any;
        var n = RedactionStrategies.Generalize(number, bucket.Get);
        var m = RedactionStrategies.Generalize(amount, bucket.Get);
        var d = RedactionStrategies.Generalize(when);
        var masked = RedactionStrategies.Mask(text, visible);
        var net = RedactionStrategies.Generalize(ip);
        return RedactionStrategies.Generalize(n, bucket.Get) == n
            && Math.Abs(n) <= Math.Abs(number)
            && RedactionStrategies.Generalize(m, bucket.Get) == m
            && RedactionStrategies.Generalize(d) == d
            && RedactionStrategies.Mask(masked, visible) == masked
            && (text is null || masked!.Length == text.Length)
            && Equals(RedactionStrategies.Generalize(net), net);
    }

    /// <summary>
    /// Ownership splits every record in two: erasing one subject's parts and then redacting everyone else's (or the
    /// other way round) redacts exactly what redacting everything does — nothing is reached twice, nothing missed.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool The_erased_subjects_parts_and_everyone_elses_together_are_the_whole_record(int seed, byte who, bool generated)
    {
        string[] subjects = ["Ada", "ada@example.com", " Ada", "1234567890123456", "nobody"];
        var subject = subjects[who % subjects.Length];
        return Splits<Models.ChatProducts.RocketChatMessage>(seed, subject, generated)
            && Splits<Models.ChatProducts.MattermostPost>(seed, subject, generated)
            && Splits<Models.ChatMessage>(seed, subject, generated)
            && Splits<Models.Person>(seed, (seed % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), generated);
    }

    private static bool Splits<T>(int seed, string subject, bool generated)
    {
        var plan = generated ? PersonalDataPlans.For<T>() : PersonalDataPlans.ForReflection<T>();
        var whole = new Parity.ModelFaker(seed).Make<T>();
        var onlyThenOthers = new Parity.ModelFaker(seed).Make<T>();
        var othersThenOnly = new Parity.ModelFaker(seed).Make<T>();
        if (whole is null)
        {
            return true;
        }

        Redact(plan, ref whole, TestKeys.Context);
        Redact(plan, ref onlyThenOthers, TestKeys.Context.ErasingOnlySubject(subject));
        Redact(plan, ref onlyThenOthers, TestKeys.Context.KeepingSubject(subject));
        Redact(plan, ref othersThenOnly, TestKeys.Context.KeepingSubject(subject));
        Redact(plan, ref othersThenOnly, TestKeys.Context.ErasingOnlySubject(subject));
        var expected = Json.Export(whole, plan);
        return Json.Export(onlyThenOthers, plan) == expected && Json.Export(othersThenOnly, plan) == expected;
    }

    private static void Redact<T>(IPersonalDataPlan<T> plan, ref T value, RedactionContext context) => plan.Redact(ref value, context, new RedactionReport(plan));
}
