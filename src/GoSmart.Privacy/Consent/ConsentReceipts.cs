namespace GoSmart.Privacy;

/// <summary>Writes a consent event as a Kantara Consent Receipt (v1.1): what the subject keeps as proof of what they agreed to.</summary>
internal static class ConsentReceipts
{
    /// <summary>The receipt of <paramref name="consentEvent"/>.</summary>
    /// <param name="consentEvent">A stored event.</param>
    /// <param name="options">The controller and purposes the receipt names.</param>
    /// <returns>The receipt.</returns>
    public static ConsentReceipt For(ConsentEvent consentEvent, ConsentOptions options)
    {
        ArgumentNullException.ThrowIfNull(consentEvent);
        var purpose = options.PurposesOf(consentEvent.TenantId).FirstOrDefault(p => p.Key == consentEvent.Purpose);
        var termination = consentEvent.Decision switch
        {
            ConsentDecision.Granted when consentEvent.ExpiresAt is { } e => $"Until {e:yyyy-MM-dd}, or until withdrawn — as easily as it was given.",
            ConsentDecision.Granted => "Until withdrawn — as easily as it was given.",
            ConsentDecision.Withdrawn => "Withdrawn: processing based on this consent stopped at the receipt's time.",
            _ => "Objected: processing for this purpose stopped at the receipt's time.",
        };
        var categories = purpose?.Categories.ToList() ?? [];
        return new ConsentReceipt(
            "KI-CR-v1.1.0",
            options.Jurisdiction,
            consentEvent.At.ToUnixTimeSeconds(),
            consentEvent.Method.ToString(),
            consentEvent.Id,
            consentEvent.SubjectId,
            options.ControllerName,
            options.ControllerContact,
            options.PolicyUrl,
            consentEvent.TenantId,
            purpose is null ? consentEvent.Purpose : $"{purpose.Key}: {purpose.Description}",
            consentEvent.Decision switch { ConsentDecision.Granted => "EXPLICIT", ConsentDecision.Withdrawn => "WITHDRAWN", _ => "OBJECTED" },
            categories,
            termination,
            purpose is { ThirdParties.Count: > 0 },
            purpose?.ThirdParties.ToList() ?? [],
            categories.Any(c => c == DataCategories.Health || c.StartsWith("user.criminal", StringComparison.Ordinal)));
    }
}
