using FsCheck.Xunit;

namespace GoSmart.Privacy.Tests.Requests;

public class DeadlineTests
{
    [Theory]
    [InlineData("2026-01-31T09:30:00Z", "2026-02-28T23:59:59.999999Z")]
    [InlineData("2028-01-31T09:30:00Z", "2028-02-29T23:59:59.999999Z")]
    [InlineData("2026-03-31T00:00:00Z", "2026-04-30T23:59:59.999999Z")]
    [InlineData("2026-12-15T23:59:59Z", "2027-01-15T23:59:59.999999Z")]
    [InlineData("2026-02-28T12:00:00Z", "2026-03-28T23:59:59.999999Z")]
    public void The_deadline_is_the_end_of_the_day_one_calendar_month_later_with_month_ends_clamped(string received, string due)
    {
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), RequestDeadlines.DueAt(DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Property(MaxTest = 500)]
    public bool The_deadline_is_the_same_day_next_month_or_that_months_last_day(DateTime when)
    {
        var safe = when.Year >= 9998 ? when.AddYears(-5) : when;
        var received = new DateTimeOffset(DateTime.SpecifyKind(safe, DateTimeKind.Unspecified), TimeSpan.Zero);
        var due = RequestDeadlines.DueAt(received);
        var next = received.Month == 12 ? (received.Year + 1, 1) : (received.Year, received.Month + 1);
        var lastDay = DateTime.DaysInMonth(next.Item1, next.Item2);
        return due.Year == next.Item1 && due.Month == next.Item2
            && due.Day == Math.Min(received.Day, lastDay)
            && due.TimeOfDay == new TimeSpan(0, 23, 59, 59, 999, 999)
            && due > received;
    }

    [Property(MaxTest = 300)]
    public bool An_extension_adds_one_or_two_months_once_within_the_first_month(DateTime when, bool twoMonths, byte daysIn)
    {
        var received = new DateTimeOffset(DateTime.SpecifyKind(when.Year > 9990 ? when.AddYears(-10) : when, DateTimeKind.Unspecified), TimeSpan.Zero);
        var request = Open(received);
        var now = received.AddDays(daysIn % 40);
        var months = twoMonths ? 2 : 1;
        if (now > RequestDeadlines.DueAt(received))
        {
            return Throws(() => RequestDeadlines.Extend(request, months, "complex", now));
        }

        var extended = RequestDeadlines.Extend(request, months, "complex", now);
        var expected = received.AddMonths(1 + months);
        return extended.DueAt == new DateTimeOffset(expected.Date.AddDays(1).AddTicks(-10), TimeSpan.Zero)
            && extended.IsExtended
            && Throws(() => RequestDeadlines.Extend(extended, 1, "again", now));
    }

    [Fact]
    public void Bad_extensions_are_refused_and_change_nothing()
    {
        var request = Open(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));
        var now = request.ReceivedAt.AddDays(3);

        Assert.Contains("1 or 2 months", Assert.Throws<PrivacyException>(() => RequestDeadlines.Extend(request, 3, "why", now)).Message, StringComparison.Ordinal);
        Assert.Contains("reason", Assert.Throws<PrivacyException>(() => RequestDeadlines.Extend(request, 1, " ", now)).Message, StringComparison.Ordinal);
        Assert.Contains("first month ended", Assert.Throws<PrivacyException>(() => RequestDeadlines.Extend(request, 1, "late", request.DueAt.AddTicks(1))).Message, StringComparison.Ordinal);
        Assert.Contains("only an open request", Assert.Throws<PrivacyException>(() => RequestDeadlines.Extend(request with { Status = PrivacyRequestStatus.Completed }, 1, "done", now)).Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 59, 59, 999, 999, TimeSpan.Zero), request.DueAt);
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-01-31T23:30:00Z", "2026-03-01T23:59:59.999999+01:00")] // received 1 February, 00:30 in Berlin
    [InlineData("Europe/Berlin", "2026-02-27T22:00:00Z", "2026-03-27T23:59:59.999999+01:00")] // the day before Berlin's clocks change
    [InlineData("Europe/Berlin", "2026-03-01T08:00:00Z", "2026-04-01T23:59:59.999999+02:00")] // due in summer time
    [InlineData("America/New_York", "2026-01-31T03:00:00Z", "2026-02-28T23:59:59.999999-05:00")] // still 30 January there
    [InlineData("Pacific/Kiritimati", "2026-12-31T11:00:00Z", "2027-02-01T23:59:59.999999+14:00")]
    public void The_deadline_runs_to_the_end_of_the_day_in_the_controllers_time_zone(string zone, string received, string due)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);

        var dueAt = RequestDeadlines.DueAt(DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture), tz);

        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), dueAt);
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture).Offset, dueAt.Offset);
    }

    [Property(MaxTest = 300)]
    public bool An_extension_may_be_recorded_at_any_time_on_the_last_day_and_not_after(DateTime when, byte minutes)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var received = new DateTimeOffset(DateTime.SpecifyKind(when.Year > 9990 ? when.AddYears(-10) : when, DateTimeKind.Unspecified), TimeSpan.Zero);
        var request = Open(received) with { DueAt = RequestDeadlines.DueAt(received, tz) };
        var lastDayStart = request.DueAt.AddTicks(10).AddDays(-1);

        var extended = RequestDeadlines.Extend(request, 1, "complex", lastDayStart.AddMinutes(minutes * 5.6), tz);

        return extended.DueAt > request.DueAt
            && Throws(() => RequestDeadlines.Extend(request, 1, "late", request.DueAt.AddTicks(10), tz));
    }

    [Fact]
    public void A_request_is_overdue_only_while_open_after_its_deadline()
    {
        var request = Open(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.False(request.IsOverdue(request.DueAt));
        Assert.True(request.IsOverdue(request.DueAt.AddSeconds(1)));
        Assert.False((request with { Status = PrivacyRequestStatus.Completed }).IsOverdue(request.DueAt.AddDays(9)));
    }

    private static PrivacyRequest Open(DateTimeOffset received) => new()
    {
        Id = Guid.NewGuid(),
        Kind = PrivacyRequestKind.Access,
        Subject = new SubjectRef("t", "s"),
        Status = PrivacyRequestStatus.InProgress,
        ReceivedAt = received,
        DueAt = RequestDeadlines.DueAt(received),
    };

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (PrivacyException)
        {
            return true;
        }
    }
}
