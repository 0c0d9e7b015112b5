namespace GoSmart.Privacy;

/// <summary>The consent purposes a subject can be asked about: the shared ones, and each tenant's own.</summary>
internal sealed class ConsentPurposeCatalog(ConsentOptions options)
{
    private readonly Dictionary<string, ConsentPurpose> _shared = options.Purposes.ToDictionary(p => p.Key, StringComparer.Ordinal);

    /// <summary>The purpose named <paramref name="purpose"/> for a subject of <paramref name="tenantId"/>: a shared one, or the tenant's own.</summary>
    public ConsentPurpose Find(string? tenantId, string purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new PrivacyException("No purpose was named. Pass a purpose key configured in PrivacyOptions.Consent.Purposes.");
        }

        if (_shared.TryGetValue(purpose, out var p))
        {
            return p;
        }

        var tenant = tenantId is not null && options.TenantPurposes.TryGetValue(tenantId, out var own) ? own : null;
        return tenant?.FirstOrDefault(t => t.Key == purpose)
            ?? throw new PrivacyException($"'{purpose}' is not a configured purpose{(tenantId is null ? string.Empty : $" for tenant '{tenantId}'")}. Configure it in PrivacyOptions.Consent.Purposes (or the tenant's TenantPurposes), or use one of: {string.Join(", ", (tenantId is null ? options.Purposes : options.PurposesOf(tenantId)).Select(x => x.Key).Order(StringComparer.Ordinal))}.");
    }

    /// <summary>Refuses a purpose that neither the shared purposes nor any tenant declares.</summary>
    /// <param name="purpose">The purpose key.</param>
    /// <exception cref="PrivacyException">It is declared nowhere; the message lists the declared ones.</exception>
    public void RequireDeclaredAnywhere(string purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose) || (!_shared.ContainsKey(purpose) && !options.TenantPurposes.Values.Any(list => list.Any(p => p.Key == purpose))))
        {
            Find(null, purpose); // throws, naming the declared purposes
        }
    }
}
