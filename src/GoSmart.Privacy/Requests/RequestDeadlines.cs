namespace GoSmart.Privacy;

/// <summary>
/// The deadlines of GDPR Art. 12(3): an answer within one calendar month of receipt (31 January → the last day of
/// February), extendable once by up to two further months, with a reason, before the first month ends.
/// </summary>
public static class RequestDeadlines
{
    /// <summary>The most months an extension may add.</summary>
    public const int MaxExtensionMonths = 2;

    /// <summary>The deadline of a request received at <paramref name="receivedAt"/>: the same day one calendar month later, or that month's last day when it is shorter.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <returns>When the answer is due.</returns>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt) => receivedAt.AddMonths(1);

    /// <summary>Extends <paramref name="request"/>'s deadline by <paramref name="additionalMonths"/>, checking every condition of Art. 12(3).</summary>
    /// <param name="request">The request.</param>
    /// <param name="additionalMonths">1 or 2.</param>
    /// <param name="reason">Why (complexity or number of requests); recorded and told to the subject.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The request with its new deadline.</returns>
    /// <exception cref="PrivacyException">A condition is not met; the request is unchanged.</exception>
    public static PrivacyRequest Extend(PrivacyRequest request, int additionalMonths, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        var firstMonthEnds = DueAt(request.ReceivedAt);
        if (now > firstMonthEnds)
        {
            throw new PrivacyException($"Request {request.Id}'s first month ended at {firstMonthEnds:O}: an extension must be decided within it (Art. 12(3)). Answer the request now.");
        }

        return request with { DueAt = request.ReceivedAt.AddMonths(1 + additionalMonths), ExtensionReason = reason };
    }
}
