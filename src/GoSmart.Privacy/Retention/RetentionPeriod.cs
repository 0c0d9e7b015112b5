using System.Globalization;

namespace GoSmart.Privacy;

/// <summary>The unit of a <see cref="RetentionPeriod"/>.</summary>
public enum RetentionUnit
{
    /// <summary>Calendar days.</summary>
    Days = 0,

    /// <summary>Calendar months: a month that lacks the starting day ends on its last day.</summary>
    Months = 1,

    /// <summary>Calendar years: 29 February ends on 28 February of a common year.</summary>
    Years = 2,
}

/// <summary>How long data is kept after its anchor event: <c>RetentionPeriod.Years(7)</c>.</summary>
/// <param name="Length">How many units; positive.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct RetentionPeriod(int Length, RetentionUnit Unit)
{
    /// <summary>A period of <paramref name="days"/> calendar days.</summary>
    /// <param name="days">How many.</param>
    /// <returns>The period.</returns>
    public static RetentionPeriod Days(int days) => new(days, RetentionUnit.Days);

    /// <summary>A period of <paramref name="months"/> calendar months.</summary>
    /// <param name="months">How many.</param>
    /// <returns>The period.</returns>
    public static RetentionPeriod Months(int months) => new(months, RetentionUnit.Months);

    /// <summary>A period of <paramref name="years"/> calendar years.</summary>
    /// <param name="years">How many.</param>
    /// <returns>The period.</returns>
    public static RetentionPeriod Years(int years) => new(years, RetentionUnit.Years);

    /// <summary>Describes the period as a person reads it: <c>7 years</c>, <c>1 month</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var unit = Unit switch { RetentionUnit.Days => "day", RetentionUnit.Months => "month", _ => "year" };
        return Length.ToString(CultureInfo.InvariantCulture) + " " + unit + (Length == 1 ? string.Empty : "s");
    }
}
