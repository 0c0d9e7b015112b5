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
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
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
}
