using FsCheck.Xunit;

namespace GoSmart.Privacy.Tests.Requests;

public class DeadlineTests
{
    [Theory]
    [InlineData("2026-01-31T09:30:00Z", "2026-02-28T09:30:00Z")]
    [InlineData("2028-01-31T09:30:00Z", "2028-02-29T09:30:00Z")]
    [InlineData("2026-03-31T00:00:00Z", "2026-04-30T00:00:00Z")]
    [InlineData("2026-12-15T23:59:59Z", "2027-01-15T23:59:59Z")]
    [InlineData("2026-02-28T12:00:00Z", "2026-03-28T12:00:00Z")]
    public void The_deadline_is_one_calendar_month_with_month_ends_clamped(string received, string due)
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
            && due.TimeOfDay == received.TimeOfDay
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
        return extended.DueAt == received.AddMonths(1 + months)
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
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero), request.DueAt);
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
