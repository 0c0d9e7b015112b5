namespace GoSmart.Privacy.Requests.Engine;

/// <summary>
/// What a subject's package tells them (Art. 15(1)): the host's own disclosure, or — for a customer's Subscriber,
/// processed on the customer's behalf — the customer's, naming the customer as controller and the host as processor.
/// </summary>
internal sealed class Disclosures(PrivacyOptions options)
{
    /// <summary>The disclosure that answers <paramref name="subject"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The disclosure.</returns>
    /// <exception cref="PrivacyException">A Subscriber's tenant has no disclosure with a controller.</exception>
    public PrivacyDisclosure For(SubjectRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Kind != DataSubjectKind.Subscriber)
        {
            return options.Disclosure;
        }

        if (!options.TenantDisclosures.TryGetValue(subject.TenantId, out var tenant) || string.IsNullOrWhiteSpace(tenant.Controller))
        {
            throw new PrivacyException($"Tenant '{subject.TenantId}' has no disclosure with a controller, so a Subscriber's request cannot be answered in the customer's name (the customer is the controller of its Subscribers' data; this service is its processor). Add PrivacyOptions.TenantDisclosures[\"{subject.TenantId}\"] with the customer's controller identity, contact, purposes, recipients, retention and sources.");
        }

        return tenant;
    }

    /// <summary>The processor a package names: the host for a Subscriber (unless the tenant's disclosure names another), otherwise whoever the disclosure names.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="disclosure">Their disclosure, from <see cref="For"/>.</param>
    /// <returns>The processor, or <see langword="null"/>.</returns>
    public string? ProcessorFor(SubjectRef subject, PrivacyDisclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(disclosure);
        return subject.Kind == DataSubjectKind.Subscriber ? disclosure.Processor ?? options.Disclosure.Controller : disclosure.Processor;
    }

    /// <summary>The retention periods a package discloses (Art. 15(1)(d)): the disclosure's own, then one per retention rule — the rules the sweeper applies, so what is told is what is done.</summary>
    /// <param name="disclosure">The subject's disclosure, from <see cref="For"/>.</param>
    /// <returns>The periods.</returns>
    public IReadOnlyList<DisclosedRetention> RetentionOf(PrivacyDisclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        return [.. disclosure.Retention, .. options.Retention.Rules.Select(r => new DisclosedRetention(ScopeOf(r), r.Description))];
    }

    private static string ScopeOf(RetentionRule rule) => rule.Scope switch
    {
        RetentionScope.Category => Export.RecordHtml.Category(rule.Target),
        RetentionScope.Entity => rule.Target[(rule.Target.LastIndexOf('.') + 1)..],
        _ => rule.Target,
    };

    /// <summary>The purposes a subject of <paramref name="tenantId"/> can object to (Art. 21): every consent purpose and every disclosed purpose, shared and the tenant's own.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <returns>The purpose keys.</returns>
    public HashSet<string> DeclaredPurposes(string tenantId) =>
        [.. options.Consent.PurposesOf(tenantId).Select(p => p.Key)
            .Concat(options.Disclosure.Purposes.Select(p => p.Key))
            .Concat(options.TenantDisclosures.TryGetValue(tenantId, out var tenant) ? tenant.Purposes.Select(p => p.Key) : [])];
}
