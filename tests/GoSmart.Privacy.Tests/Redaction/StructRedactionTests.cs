using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Redaction;

/// <summary>Structs of personal data, in every shape a host keeps them, are exported and erased by both plans.</summary>
public sealed class StructRedactionTests
{
    public static TheoryData<string> Plans => ["generated", "reflection"];

    private static IPersonalDataPlan<T> Plan<T>(string source) => source == "generated" ? PersonalDataPlans.For<T>() : PersonalDataPlans.ForReflection<T>();

    private static FixedPoint Fixed(string label) => new() { Latitude = 51.5072, Label = "at-" + label };

    private static FieldPoint Field(string label) => new() { Latitude = 48.8566, Label = "at-" + label };

    private static Whereabouts Sample() => new()
    {
        UserId = "ada",
        Location = Fixed("home"),
        Work = Fixed("office"),
        LastSeen = Field("cafe"),
        Home = Field("flat"),
        Geo = new GeoPoint { Latitude = 40.7128, Longitude = -74.006 },
        Commute = new Trip { From = Fixed("station"), To = Field("platform") },
        Pins = [Fixed("pin-1"), null, Fixed("pin-2")],
        History = [Field("h-1"), null],
        ByLabel = new() { ["gym"] = Fixed("gym"), ["none"] = null },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_struct_shape_is_in_the_plan(string source)
    {
        var paths = Plan<Whereabouts>(source).Members.Select(m => m.Path).ToArray();

        Assert.Contains("Location.Latitude", paths);
        Assert.Contains("Work.Label", paths);
        Assert.Contains("LastSeen.Label", paths);
        Assert.Contains("Home.Latitude", paths);
        Assert.Contains("Geo.Longitude", paths);
        Assert.Contains("Commute.From.Label", paths);
        Assert.Contains("Commute.To.Label", paths);
        Assert.Contains("Holiday.From.Label", paths);
        Assert.Contains("Pins[].Label", paths);
        Assert.Contains("History[].Label", paths);
        Assert.Contains("ByLabel{}.Label", paths);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_struct_shape_is_exported(string source)
    {
        var json = Json.Export(Sample(), Plan<Whereabouts>(source));

        foreach (var label in new[] { "home", "office", "cafe", "flat", "station", "platform", "pin-1", "pin-2", "h-1", "gym" })
        {
            Assert.Contains("\"at-" + label + "\"", json, StringComparison.Ordinal);
        }

        Assert.Contains("40.7128", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void After_erasure_no_original_value_survives_in_any_struct_shape(string source)
    {
        var value = Sample();

        var report = Plan<Whereabouts>(source).Redact(value, TestKeys.Context);

        var json = Json.Export(value, Plan<Whereabouts>(source));
        foreach (var original in new[] { "at-", "51.5072", "48.8566", "40.7128", "-74.006" })
        {
            Assert.DoesNotContain(original, json, StringComparison.Ordinal);
        }

        Assert.Equal(51, value.Location!.Value.Latitude);
        Assert.Null(value.Commute!.Value.From!.Value.Label);
        Assert.Null(value.Pins[1]);
        Assert.Null(value.ByLabel["none"]);
        Assert.Equal(0, report.NotWritableCount);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void A_struct_member_that_cannot_be_written_back_is_reported_not_writable(string source)
    {
        var value = new ReadOnlyWhereabouts(Fixed("home")) { UserId = "ada" };

        var report = Plan<ReadOnlyWhereabouts>(source).Redact(value, TestKeys.Context);

        Assert.Equal("at-home", value.Location!.Value.Label);
        Assert.Equal(2, report.NotWritableCount);
        Assert.All(report.Entries.Where(e => e.Path.StartsWith("Location.", StringComparison.Ordinal)), e => Assert.Equal(RedactionOutcome.NotWritable, e.Outcome));
        Assert.Equal(0, report.ChangedCount);
    }
}
