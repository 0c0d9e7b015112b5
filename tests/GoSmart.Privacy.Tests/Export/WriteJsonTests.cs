using System.Net;
using System.Text.Json;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Export;

public class WriteJsonTests
{
    internal static Contact SampleContact() => new()
    {
        Id = Guid.Parse("0b6f7f6e-3a57-4c7e-9d3b-6a4f1f0d2c11"),
        TenantId = "tenant-a",
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Title = "Analyst",
        Company = "Engines Ltd",
        BirthDate = new DateOnly(1815, 12, 10),
        Age = 36,
        LastIp = IPAddress.Parse("192.168.17.42"),
        LastSeen = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)),
        CardLastFour = "4242",
        Status = ContactStatus.Customer,
        LifetimeValue = 1234.50m,
        HealthNote = "asthma",
        Address = new Address { Street = "12 St James's Square", City = "London", Country = "UK", Notes = "ring twice" },
        Phones = [new Phone { Number = "+44 20 7946 0000", Kind = "work" }],
        OtherEmails = ["ada@engines.example"],
        CustomFields = new() { ["nickname"] = "Enchantress", ["empty"] = null },
        Location = new GeoPoint { Latitude = 51.5074, Longitude = -0.1278 },
        InternalScore = 99,
    };

    [Fact]
    public void Only_tagged_members_are_exported_in_camelCase_with_export_names()
    {
        var json = Json.Export(SampleContact());

        Assert.Equal(
            """{"id":"0b6f7f6e-3a57-4c7e-9d3b-6a4f1f0d2c11","firstName":"Ada","lastName":"Lovelace","email_address":"ada@example.com","title":"Analyst","company":"Engines Ltd","birthDate":"1815-12-10","age":36,"lastIp":"192.168.17.42","lastSeen":"2026-03-04T05:06:07+02:00","cardLastFour":"4242","status":"Customer","lifetimeValue":1234.50,"healthNote":"asthma","address":{"street":"12 St James\u0027s Square","city":"London","country":"UK"},"phones":[{"number":"\u002B44 20 7946 0000"}],"otherEmails":["ada@engines.example"],"customFields":{"nickname":"Enchantress","empty":null},"location":{"latitude":51.5074,"longitude":-0.1278}}""",
            json);
        Assert.DoesNotContain("tenant-a", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ring twice", json, StringComparison.Ordinal);
        Assert.DoesNotContain("work", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_values_and_null_roots_export_as_json_null()
    {
        Assert.Equal("null", Json.Export<Contact?>(null));
        var json = Json.Parse(new Contact { Address = null, Email = null });
        Assert.Equal(JsonValueKind.Null, json.GetProperty("address").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("email_address").ValueKind);
    }

    [Fact]
    public void Records_with_init_members_and_arrays_export()
    {
        var message = new ChatMessage("u1", "hello") { SentAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), AttachmentNames = ["cv.pdf"], Mentions = [new Participant("u2", "Bob")] };
        Assert.Equal(
            """{"authorId":"u1","text":"hello","sentAt":"2026-01-02T03:04:05Z","attachmentNames":["cv.pdf"],"mentions":[{"userId":"u2","displayName":"Bob"}]}""",
            Json.Export(message));
    }

    [Fact]
    public void Reference_cycles_are_written_once_and_never_loop()
    {
        var boss = new Person { Id = 1, Name = "Boss" };
        var worker = new Person { Id = 2, Name = "Worker", Manager = boss };
        boss.Reports.Add(worker);
        boss.Manager = boss;

        Assert.Equal(
            """{"id":1,"name":"Boss","manager":null,"reports":[{"id":2,"name":"Worker","manager":null,"reports":[]}]}""",
            Json.Export(boss));
    }

    [Fact]
    public void Shared_objects_that_are_not_cycles_are_written_where_they_appear()
    {
        var boss = new Person { Id = 1, Name = "Boss" };
        var a = new Person { Id = 2, Manager = boss };
        var root = new Person { Id = 3, Manager = boss, Reports = [a] };
        Assert.Equal(2, Json.Export(root).Split("\"Boss\"").Length - 1);
    }

    [Fact]
    public void Every_scalar_type_has_a_stable_json_form()
    {
        var value = new EveryScalar { Flag = true, Initial = 'Z', B = 1, Sb = -2, S = -3, Us = 4, Ui = 5, L = -6, Ul = ulong.MaxValue, F = float.NaN, D = double.PositiveInfinity, T = new TimeOnly(13, 14, 15), Ip = IPAddress.IPv6Loopback, G = Guid.Empty };
        Assert.Equal(
            """{"flag":true,"initial":"Z","b":1,"sb":-2,"s":-3,"us":4,"ui":5,"l":-6,"ul":18446744073709551615,"f":"NaN","d":"Infinity","t":"13:14:15.0000000","ip":"::1","g":"00000000-0000-0000-0000-000000000000"}""",
            Json.Export(value));
    }

    [Fact]
    public void Nullable_value_types_export_their_value_or_null()
    {
        Assert.Equal("""{"birthDate":null,"age":7,"externalId":null}""", Json.Export(new NullableValues { Age = 7 }));
    }

    [Fact]
    public void The_plan_writes_into_an_open_writer_as_one_value()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            PersonalDataPlans.For<Phone>().WriteJson(writer, new Phone { Number = "1" });
            PersonalDataPlans.For(typeof(Phone)).WriteJson(writer, (object)new Phone { Number = "2" });
            writer.WriteEndArray();
        }

        Assert.Equal("""[{"number":"1"},{"number":"2"}]""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_our_exception()
    {
        using var writer = new Utf8JsonWriter(Stream.Null);
        var ex = Assert.Throws<PrivacyException>(() => PersonalDataPlans.For(typeof(Phone)).WriteJson(writer, "not a phone"));
        Assert.Contains("PersonalDataPlans.For(value.GetType())", ex.Message, StringComparison.Ordinal);
    }
}
