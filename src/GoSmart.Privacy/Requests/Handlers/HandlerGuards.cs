namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>Checks handlers hold to their contract.</summary>
internal static class HandlerGuards
{
    public static void EnsureRecipient(string recipient, string handler)
    {
        if (string.IsNullOrWhiteSpace(recipient))
        {
            throw new PrivacyException($"Handler '{handler}' recorded an empty recipient. Name the recipient that was told, e.g. 'newsletter-provider'.");
        }
    }
}
