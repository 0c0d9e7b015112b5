namespace GoSmart.Privacy.Retention;

/// <summary>
/// Periods counted as the law counts them (Regulation 1182/71, Art. 3): a period of days, months or years ends at the
/// end of its last day in a time zone, and a month or year that lacks the starting day ends on its last day
/// (31 January + 1 month → 28/29 February; 29 February + 1 year → 28 February). One rule for request deadlines and
/// retention periods.
/// </summary>
internal static class CalendarPeriods
{
    /// <summary>The last instant of a day, to the microsecond every store keeps (PostgreSQL's <c>timestamptz</c> included).</summary>
    private static readonly TimeOnly EndOfDay = new(23, 59, 59, 999, 999);

    /// <summary>The end of the day <paramref name="length"/> units after the day of <paramref name="start"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset EndOfDayAfter(DateTimeOffset start, int length, RetentionUnit unit, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = LocalDate(start, zone);
        var last = unit switch
        {
            RetentionUnit.Days => local.AddDays(length),
            RetentionUnit.Months => local.AddMonths(length),
            RetentionUnit.Years => local.AddYears(length),
            _ => throw new PrivacyException($"'{(int)unit}' is not a RetentionUnit. Use Days, Months or Years."),
        };
        var end = last.ToDateTime(EndOfDay);

        // A clock change at midnight can make 23:59:59 local not exist: use the offset in force before it.
        var offset = zone.IsInvalidTime(end) ? zone.GetUtcOffset(end.AddHours(-3)) : zone.GetUtcOffset(end);
        return new DateTimeOffset(end, offset);
    }

    /// <summary>
    /// The instant before which an anchor's period has ended by <paramref name="now"/>: a record anchored at
    /// <c>a</c> is expired exactly when <c>a</c> is before it — the local start of the first day whose period ends today
    /// or later. Periods grow with their anchor, so the expired anchors are all those before one instant, and a
    /// handler finds them with one range condition.
    /// </summary>
    /// <param name="now">The time of the sweep.</param>
    /// <param name="length">The period's length.</param>
    /// <param name="unit">Days, months or years.</param>
    /// <param name="zone">The controller's time zone.</param>
    /// <returns>The instant.</returns>
    public static DateTimeOffset ExpiredBefore(DateTimeOffset now, int length, RetentionUnit unit, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = LocalDate(now, zone);
        DateOnly Last(DateOnly anchor) => LocalDate(EndOfDayAfter(StartOfDay(anchor, zone), length, unit, zone), zone);
        var first = unit switch
        {
            RetentionUnit.Days => today.AddDays(-length),
            RetentionUnit.Months => today.AddMonths(-length),
            RetentionUnit.Years => today.AddYears(-length),
            _ => throw new PrivacyException($"'{(int)unit}' is not a RetentionUnit. Use Days, Months or Years."),
        };
        while (Last(first) < today)
        {
            first = first.AddDays(1);
        }

        while (Last(first.AddDays(-1)) >= today)
        {
            first = first.AddDays(-1);
        }

        return StartOfDay(first, zone);
    }

    /// <summary>The first instant of a local day (after a clock change at midnight, the instant the day began).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var offset = zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(-3))
            : zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max()
            : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset);
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
