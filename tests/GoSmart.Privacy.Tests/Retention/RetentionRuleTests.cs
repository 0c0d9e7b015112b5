using System.Text.Json;
using FsCheck.Xunit;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.Retention;

/// <summary>Retention rules: periods counted as the law counts them, bad rules refused at start-up, and the rules disclosed in every package.</summary>
public class RetentionRuleTests
{
    private static readonly RetentionRule Invoices = new()
    {
        Name = "invoices",
        Scope = RetentionScope.Category,
        Target = DataCategories.Payment,
        Anchor = "the last invoice",
        Period = RetentionPeriod.Years(7),
        LegalReason = "tax law: accounting records",
    };

    [Theory]
    [InlineData("2026-01-31T10:00:00Z", 1, RetentionUnit.Months, "2026-02-28")] // a month that lacks the day ends on its last day
    [InlineData("2028-01-31T10:00:00Z", 1, RetentionUnit.Months, "2028-02-29")] // a leap year's February
    [InlineData("2028-02-29T10:00:00Z", 1, RetentionUnit.Years, "2029-02-28")] // 29 February, a year later
    [InlineData("2028-02-29T10:00:00Z", 4, RetentionUnit.Years, "2032-02-29")]
    [InlineData("2026-12-31T23:30:00Z", 30, RetentionUnit.Days, "2027-01-30")]
    [InlineData("2026-03-15T00:00:00Z", 13, RetentionUnit.Months, "2027-04-15")]
    public void A_period_ends_at_the_end_of_its_last_day(string anchor, int length, RetentionUnit unit, string lastDay)
    {
        var rule = Invoices with { Period = new RetentionPeriod(length, unit) };

        var expires = rule.ExpiresAt(DateTimeOffset.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(expires.UtcDateTime));
        Assert.Equal(new TimeOnly(23, 59, 59, 999, 999), TimeOnly.FromDateTime(expires.UtcDateTime));
        Assert.False(rule.IsExpired(DateTimeOffset.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), expires, TimeZoneInfo.Utc));
        Assert.True(rule.IsExpired(DateTimeOffset.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture), expires.AddTicks(10), TimeZoneInfo.Utc));
    }

    [Property(MaxTest = 500)]
    public bool A_month_or_year_period_ends_on_the_anchor_day_or_the_last_day_of_a_shorter_month(DateTime anchor, byte length, bool years)
    {
        var n = length % 120 + 1;
        var start = new DateTimeOffset(DateTime.SpecifyKind(anchor.Year > 9000 ? anchor.AddYears(-1000) : anchor, DateTimeKind.Utc));
        var rule = Invoices with { Period = years ? RetentionPeriod.Years(n) : RetentionPeriod.Months(n) };

        var last = DateOnly.FromDateTime(rule.ExpiresAt(start, TimeZoneInfo.Utc).UtcDateTime);
        var target = years ? start.UtcDateTime.AddYears(n) : start.UtcDateTime.AddMonths(n);
        var months = (last.Year - start.Year) * 12 + last.Month - start.Month;
        return months == (years ? 12 * n : n)
            && last.Day == Math.Min(start.Day, DateTime.DaysInMonth(target.Year, target.Month))
            && rule.ExpiresAt(start, TimeZoneInfo.Utc) > start;
    }

    [Property(MaxTest = 300)]
    public bool A_later_anchor_never_expires_earlier(DateTime anchor, ushort hours, byte length)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(anchor.Year > 9000 ? anchor.AddYears(-1000) : anchor, DateTimeKind.Utc));
        var rule = Invoices with { Period = RetentionPeriod.Months(length % 60 + 1) };
        return rule.ExpiresAt(start.AddHours(hours), TimeZoneInfo.Utc) >= rule.ExpiresAt(start, TimeZoneInfo.Utc);
    }

    [Fact]
    public void A_period_in_the_controllers_time_zone_ends_at_its_midnight_not_utcs()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var rule = Invoices with { Period = RetentionPeriod.Days(1) };

        var expires = rule.ExpiresAt(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), berlin); // already 29 March in Berlin

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_990), expires);
    }

    [Theory]
    [InlineData("anchor", "has no anchor event")]
    [InlineData("zero", "keeps data for 0 Days: a period is a positive number")]
    [InlineData("negative", "keeps data for -3 Months")]
    [InlineData("category", "is for the category 'user.finacial', which is neither in the taxonomy nor tagged on any known type")]
    [InlineData("reason", "gives no legal reason")]
    [InlineData("twice", "Two retention rules are named 'invoices'")]
    [InlineData("target", "names no handler")]
    public void A_bad_rule_stops_the_host_naming_the_rule_and_the_fix(string problem, string expected)
    {
        var rule = problem switch
        {
            "anchor" => Invoices with { Anchor = " " },
            "zero" => Invoices with { Period = RetentionPeriod.Days(0) },
            "negative" => Invoices with { Period = RetentionPeriod.Months(-3) },
            "category" => Invoices with { Target = "user.finacial" },
            "reason" => Invoices with { LegalReason = "" },
            "target" => Invoices with { Scope = RetentionScope.Handler, Target = "" },
            _ => Invoices,
        };
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(TestKeys.Key);
            o.Retention.Rules.Add(rule);
            if (problem == "twice")
            {
                o.Retention.Rules.Add(Invoices);
            }
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_access_package_discloses_the_rules_beside_the_disclosures_own_periods()
    {
        await using var host = new RequestTestHost(configure: o =>
        {
            o.Disclosure.Retention.Add(new DisclosedRetention("Support tickets", "2 years after closing"));
            o.Retention.Rules.Add(Invoices);
            o.Retention.Rules.Add(new RetentionRule { Name = "analytics", Scope = RetentionScope.Handler, Target = "chat.messages", Anchor = "collection", Period = RetentionPeriod.Months(13), LegalReason = "consent given for analytics" });
        });

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme", Guid.NewGuid().ToString())));
        using var stream = new MemoryStream();
        await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);

        using var doc = JsonDocument.Parse(stream.ToArray());
        var retention = doc.RootElement.GetProperty("information").GetProperty("retention").EnumerateArray().Select(r => (r.GetProperty("scope").GetString(), r.GetProperty("period").GetString())).ToList();
        Assert.Equal(3, retention.Count);
        Assert.Equal(("Support tickets", "2 years after closing"), retention[0]);
        Assert.Equal("7 years after the last invoice (tax law: accounting records)", retention[1].Item2);
        Assert.Equal(("chat.messages", "13 months after collection (consent given for analytics)"), retention[2]);
    }
}
