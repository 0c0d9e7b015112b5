namespace GoSmart.Privacy;

/// <summary>
/// The deadlines of GDPR Art. 12(3): an answer within one calendar month of receipt (31 January → the last day of
/// February), extendable once by up to two further months, with a reason, before the first month ends. A period
/// of months ends at the end of its last day (Regulation 1182/71, Art. 3(2)(c)) in the controller's time zone, not
/// at the minute of receipt.
/// </summary>
internal static class RequestDeadlines
{
    /// <summary>The most months an extension may add.</summary>
    public const int MaxExtensionMonths = 2;

    /// <summary>The deadline of a request received at <paramref name="receivedAt"/>, with days counted in UTC.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <returns>When the answer is due.</returns>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt) => DueAt(receivedAt, TimeZoneInfo.Utc);

    /// <summary>
    /// The deadline of a request received at <paramref name="receivedAt"/>: the end of the same day one calendar
    /// month later in <paramref name="controllerTimeZone"/>, or of that month's last day when it is shorter.
    /// </summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="controllerTimeZone">The controller's time zone (<see cref="PrivacyOptions.ControllerTimeZone"/>).</param>
    /// <returns>When the answer is due, with the zone's offset on that day.</returns>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt, TimeZoneInfo controllerTimeZone) => EndOfDayMonthsLater(receivedAt, 1, controllerTimeZone);

    private static DateTimeOffset EndOfDayMonthsLater(DateTimeOffset receivedAt, int months, TimeZoneInfo zone) =>
        Retention.CalendarPeriods.EndOfDayAfter(receivedAt, months, RetentionUnit.Months, zone);

    /// <summary>Extends <paramref name="request"/>'s deadline by <paramref name="additionalMonths"/>, checking every condition of Art. 12(3).</summary>
    /// <param name="request">The request.</param>
    /// <param name="additionalMonths">1 or 2.</param>
    /// <param name="reason">Why (complexity or number of requests); recorded and told to the subject.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The request with its new deadline.</returns>
    /// <exception cref="PrivacyException">A condition is not met; the request is unchanged.</exception>
    public static PrivacyRequest Extend(PrivacyRequest request, int additionalMonths, string reason, DateTimeOffset now) =>
        Extend(request, additionalMonths, reason, now, TimeZoneInfo.Utc);

    /// <summary>Extends <paramref name="request"/>'s deadline by <paramref name="additionalMonths"/>, to the end of that day in <paramref name="controllerTimeZone"/>, checking every condition of Art. 12(3).</summary>
    /// <param name="request">The request.</param>
    /// <param name="additionalMonths">1 or 2.</param>
    /// <param name="reason">Why (complexity or number of requests); recorded and told to the subject.</param>
    /// <param name="now">The current time: any time up to the end of the first month's last day.</param>
    /// <param name="controllerTimeZone">The controller's time zone.</param>
    /// <returns>The request with its new deadline.</returns>
    /// <exception cref="PrivacyException">A condition is not met; the request is unchanged.</exception>
    public static PrivacyRequest Extend(PrivacyRequest request, int additionalMonths, string reason, DateTimeOffset now, TimeZoneInfo controllerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(controllerTimeZone);
        if (additionalMonths is < 1 or > MaxExtensionMonths)
        {
            throw new PrivacyException($"A deadline can be extended by 1 or {MaxExtensionMonths} months (Art. 12(3)), not {additionalMonths}. Pass 1 or 2.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PrivacyException("An extension needs a reason (Art. 12(3): the subject is told why). Pass the reason, e.g. the complexity of the request.");
        }

        if (!request.IsOpen)
        {
            throw new PrivacyException($"Request {request.Id} is {request.Status}: only an open request's deadline can be extended.");
        }

        if (request.IsExtended)
        {
            throw new PrivacyException($"Request {request.Id}'s deadline was already extended ({request.ExtensionReason}). Art. 12(3) allows one extension.");
        }

        var firstMonthEnds = DueAt(request.ReceivedAt, controllerTimeZone);
        if (now > firstMonthEnds)
        {
            throw new PrivacyException($"Request {request.Id}'s first month ended at {firstMonthEnds:O}: an extension must be decided within it (Art. 12(3)). Answer the request now.");
        }

        return request with { DueAt = EndOfDayMonthsLater(request.ReceivedAt, 1 + additionalMonths, controllerTimeZone), ExtensionReason = reason };
    }
}
