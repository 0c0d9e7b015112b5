using System.Security.Cryptography;
using System.Text;
using GoSmart.Privacy.Plans.Reflection;
using GoSmart.Privacy.Requests.Handlers;

namespace GoSmart.Privacy.Records;

/// <summary>
/// The one place the records of processing are derived: the entities from the plans and the handlers that reach them,
/// the activities from the purposes, matched to the plans' categories, and the gaps between the two.
/// </summary>
internal static class RecordsBuilder
{
    /// <summary>
    /// The purpose the SDK itself processes data for once the consent ledger is registered: keeping evidence of each
    /// consent decision (Art. 7(1)), so the ledger's own records are in the map like any other. A host that declares a
    /// purpose with this key replaces it.
    /// </summary>
    public static readonly DisclosedPurpose ConsentRecordsPurpose = new("privacy.consent_records", "Keep evidence of your consent choices and objections, as the law requires (Art. 7(1)).", LegalBasis.LegalObligation)
    {
        Categories = [DataCategories.PrivacyPreferences, DataCategories.UniqueId],
    };

    public static RecordsOfProcessing Build(PrivacyOptions options, IReadOnlyList<IPrivacyHandler> handlers, ErasureCoverage coverage, RecordsFeatures features)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entities = Entities(options, handlers, coverage);
        var hostPurposes = features.ConsentLedger && options.Disclosure.Purposes.All(p => p.Key != ConsentRecordsPurpose.Key)
            ? [.. options.Disclosure.Purposes, ConsentRecordsPurpose]
            : options.Disclosure.Purposes.ToList();
        var controllers = new List<ControllerRecord> { Controller(null, options.Disclosure, hostPurposes, options.Consent.Purposes, options, entities) };
        var gaps = new List<RecordsGap>();
        foreach (var tenant in options.TenantDisclosures.Keys.Union(options.Consent.TenantPurposes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var disclosure = options.TenantDisclosures.TryGetValue(tenant, out var own) ? own : new PrivacyDisclosure();
            if (string.IsNullOrWhiteSpace(disclosure.Controller))
            {
                gaps.Add(new RecordsGap(RecordsGapKind.TenantWithoutController, tenant, $"Tenant '{tenant}' has purposes but no disclosure naming its controller. Add PrivacyOptions.TenantDisclosures[\"{tenant}\"] with the customer's controller identity and contact."));
            }

            var purposes = options.Consent.TenantPurposes.TryGetValue(tenant, out var tenantPurposes) ? tenantPurposes : [];
            controllers.Add(Controller(tenant, disclosure, [.. disclosure.Purposes], purposes, options, entities) with { Processor = disclosure.Processor ?? options.Disclosure.Controller });
        }

        gaps.AddRange(Gaps(controllers, entities));
        return new RecordsOfProcessing
        {
            Service = options.ServiceName,
            Controllers = controllers,
            Entities = entities,
            TechnicalMeasures = TechnicalMeasures(options, entities, features),
            Gaps = gaps,
        };
    }

    /// <summary>The purpose's notice fingerprint: SHA-256 over everything material the notice says about it, in a fixed order.</summary>
    public static string Fingerprint(ProcessingActivity activity)
    {
        var text = new StringBuilder()
            .Append(activity.Purpose).Append('\n').Append(activity.Description).Append('\n').Append(activity.LegalBasis).Append('\n')
            .AppendJoin(',', activity.DataCategories).Append('\n')
            .AppendJoin(',', activity.SpecialCategories).Append('\n')
            .AppendJoin(',', activity.SubjectKinds).Append('\n')
            .AppendJoin('|', activity.Recipients).Append('\n')
            .AppendJoin('|', activity.Transfers.Select(t => $"{t.Destination}:{t.Safeguard}:{t.Recipient}")).Append('\n')
            .AppendJoin('|', activity.Retention.Select(r => $"{r.Scope}:{r.Period}"));
        return Hash(text.ToString());
    }

    /// <summary>The first 128 bits of the text's SHA-256, in lower-case hex.</summary>
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant();

    private static List<EntityRecord> Entities(PrivacyOptions options, IReadOnlyList<IPrivacyHandler> handlers, ErasureCoverage coverage)
    {
        var reach = handlers.Select(h => (h, Types: h.Covers.SelectMany(ErasureCoverage.Reached).ToHashSet())).ToList();
        var erasers = handlers.OfType<IErasureHandler>().SelectMany(h => h.Covers).SelectMany(ErasureCoverage.Reached).ToHashSet();
        var roots = coverage.Roots.ToHashSet();
        var outOfScope = coverage.OutOfScope.ToDictionary(o => o.TypeName, o => o.Reason, StringComparer.Ordinal);
        var types = roots.Concat(reach.SelectMany(r => r.Types)).Distinct().Where(t => !t.IsInterface && !t.IsAbstract);
        var entities = new List<EntityRecord>();
        foreach (var type in types)
        {
            IPersonalDataPlan plan;
            try
            {
                plan = PersonalDataPlans.For(type);
            }
            catch (InvalidPrivacyAnnotationException)
            {
                continue; // reported where the type is used, and by the analyzers at build time
            }

            if (plan.Members.Count == 0)
            {
                continue;
            }

            var name = type.FullName ?? type.Name;
            var isRoot = plan.SubjectIdPath is not null && roots.Contains(type);
            var coverageOf = erasers.Any(c => c.IsAssignableFrom(type)) ? EntityCoverage.Covered
                : outOfScope.ContainsKey(name) ? EntityCoverage.OutOfScope
                : isRoot ? EntityCoverage.Uncovered
                : EntityCoverage.Nested;
            entities.Add(new EntityRecord
            {
                Type = name,
                Service = options.ServiceName,
                IsRoot = isRoot,
                Handlers = [.. reach.Where(r => r.Types.Any(t => t.IsAssignableFrom(type))).Select(r => r.h.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Coverage = coverageOf,
                OutOfScopeReason = coverageOf == EntityCoverage.OutOfScope ? outOfScope[name] : null,
                Members = [.. plan.Members.Select(m => Member(type, m))],
            });
        }

        return [.. entities.OrderBy(e => e.Type, StringComparer.Ordinal)];
    }

    private static MemberRecord Member(Type type, PersonalMember member) =>
        new(member.Path, member.Category, member.SpecialCategory, Measure(member), member.Exemption)
        {
            IsCryptoShredded = IsCryptoShredded(type, member.Path),
            IsFreeText = member.IsFreeText,
        };

    private static MemberMeasure Measure(PersonalMember member) => member.IsSubjectId ? MemberMeasure.Identifier : member.Erasure switch
    {
        ErasureStrategy.Mask => MemberMeasure.Masked,
        ErasureStrategy.Hash => MemberMeasure.Pseudonymised,
        ErasureStrategy.Generalize => MemberMeasure.Generalised,
        ErasureStrategy.Retain => MemberMeasure.Retained,
        _ => MemberMeasure.Erased,
    };

    /// <summary>Whether the member a plan path names carries <see cref="CryptoShreddedAttribute"/>, walking nested types and collections.</summary>
    private static bool IsCryptoShredded(Type type, string path)
    {
        var current = type;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i].Replace("[]", string.Empty, StringComparison.Ordinal).Replace("{}", string.Empty, StringComparison.Ordinal);
            var member = MemberDiscovery.InstanceMembers(current).FirstOrDefault(m => m.Name == name);
            if (member is null)
            {
                return false;
            }

            if (i == segments.Length - 1)
            {
                return member.IsDefined(typeof(CryptoShreddedAttribute), inherit: true);
            }

            current = TypeShapes.Classify(member, current).ValueType;
        }

        return false;
    }

    private static ControllerRecord Controller(string? tenant, PrivacyDisclosure disclosure, IReadOnlyList<DisclosedPurpose> disclosed, IEnumerable<ConsentPurpose> consentPurposes, PrivacyOptions options, IReadOnlyList<EntityRecord> entities)
    {
        var consent = consentPurposes.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var purposes = disclosed
            .Select(p => (p.Key, p.Description, p.LegalBasis, Categories: consent.TryGetValue(p.Key, out var c) ? p.Categories.Union(c.Categories, StringComparer.Ordinal).ToList() : [.. p.Categories], p.SubjectKinds))
            .Concat(consent.Values.Where(c => disclosed.All(p => p.Key != c.Key)).Select(c => (c.Key, c.Description, c.LegalBasis, Categories: c.Categories.ToList(), SubjectKinds: (IReadOnlyList<DataSubjectKind>)[])));
        var activities = new List<ProcessingActivity>();
        foreach (var (key, description, basis, declared, kinds) in purposes)
        {
            var held = entities.SelectMany(e => e.Members.Select(m => (e.Type, Member: m))).Where(x => declared.Any(d => Matches(d, x.Member.Category))).ToList();
            var categories = held.Select(x => x.Member.Category).Concat(declared.Where(d => held.All(x => !Matches(d, x.Member.Category)))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var entityNames = held.Select(x => x.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var activity = new ProcessingActivity
            {
                Purpose = key,
                Description = description,
                LegalBasis = basis,
                NoticeVersion = consent.TryGetValue(key, out var cp) ? cp.CurrentVersion : 1,
                NoticeFingerprint = string.Empty,
                SubjectKinds = tenant is null ? kinds : kinds.Count == 0 ? [DataSubjectKind.Subscriber] : kinds,
                DataCategories = categories,
                SpecialCategories = [.. held.Select(x => x.Member.SpecialCategory).OfType<SpecialCategory>().Distinct().Order()],
                Recipients = [.. disclosure.Recipients.Concat(cp?.ThirdParties ?? []).Distinct(StringComparer.Ordinal)],
                Transfers = [.. disclosure.Transfers.Where(t => t.Purposes.Count == 0 || t.Purposes.Contains(key, StringComparer.Ordinal))],
                Retention = [.. options.Retention.Rules.Where(r => Applies(r, key, categories, entityNames, entities)).Select(r => new DisclosedRetention(r.Name, r.Description))],
                Entities = entityNames,
            };
            activities.Add(activity with { NoticeFingerprint = Fingerprint(activity) });
        }

        return new ControllerRecord
        {
            TenantId = tenant,
            Controller = disclosure.Controller ?? options.Consent.ControllerName ?? "(not configured: set PrivacyOptions.Disclosure.Controller)",
            Processor = disclosure.Processor,
            DataProtectionOfficer = disclosure.DataProtectionOfficer,
            PolicyUrl = disclosure.PolicyUrl ?? options.Consent.PolicyUrl,
            Activities = activities,
            Transfers = [.. disclosure.Transfers],
            Retention = [.. disclosure.Retention],
            OrganisationalMeasures = [.. disclosure.SecurityMeasures],
            Sources = [.. disclosure.Sources],
            AutomatedDecisionMaking = disclosure.AutomatedDecisionMaking,
        };
    }

    /// <summary>Whether a declared category (a key or a prefix) covers a member's category.</summary>
    private static bool Matches(string declared, string category) =>
        category.StartsWith(declared, StringComparison.Ordinal) && (category.Length == declared.Length || category[declared.Length] == '.');

    private static bool Applies(RetentionRule rule, string purpose, IReadOnlyList<string> categories, IReadOnlyList<string> entityNames, IReadOnlyList<EntityRecord> entities) => rule.Scope switch
    {
        RetentionScope.Purpose => rule.Target == purpose,
        RetentionScope.Category => categories.Any(c => Matches(rule.Target, c) || Matches(c, rule.Target)),
        RetentionScope.Entity => entityNames.Contains(rule.Target, StringComparer.Ordinal),
        RetentionScope.Handler => entities.Any(e => entityNames.Contains(e.Type, StringComparer.Ordinal) && e.Handlers.Contains(rule.Target, StringComparer.Ordinal)),
        _ => false,
    };

    private static IEnumerable<RecordsGap> Gaps(IReadOnlyList<ControllerRecord> controllers, IReadOnlyList<EntityRecord> entities)
    {
        var activities = controllers.SelectMany(c => c.Activities).ToList();
        foreach (var activity in activities.Where(a => a.DataCategories.Count == 0).DistinctBy(a => a.Purpose))
        {
            yield return new RecordsGap(RecordsGapKind.PurposeWithoutData, activity.Purpose, $"Purpose '{activity.Purpose}' names no data category, so the records cannot say what it processes. Set Categories on its DisclosedPurpose (or ConsentPurpose), e.g. [\"{DataCategories.ContactEmail}\"]; a prefix such as \"user.contact\" covers every contact category.");
        }

        var purposeless = entities
            .SelectMany(e => e.Members.Where(m => activities.All(a => !a.DataCategories.Contains(m.Category, StringComparer.Ordinal))).Select(m => (m.Category, Where: $"{e.Type}.{m.Path}")))
            .GroupBy(x => x.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var category in purposeless)
        {
            yield return new RecordsGap(RecordsGapKind.DataWithoutPurpose, category.Key, $"Category '{category.Key}' is held ({string.Join(", ", category.Select(x => x.Where).Take(5))}{(category.Count() > 5 ? ", …" : string.Empty)}) but no purpose names it (Art. 5(1)(b)). Add it to the Categories of the purpose it serves, or stop collecting it.");
        }

        foreach (var entity in entities.Where(e => e.Coverage == EntityCoverage.Uncovered))
        {
            yield return new RecordsGap(RecordsGapKind.UncoveredEntity, entity.Type, $"No erasure handler covers '{entity.Type}', so an erasure request ends incomplete. Register a handler whose Covers names it (AddErasureHandler<T>, or AddEntityFrameworkCore<TContext> for EF Core), or acknowledge it in PrivacyOptions.Coverage.OutOfScope with the reason.");
        }
    }

    private static List<string> TechnicalMeasures(PrivacyOptions options, IReadOnlyList<EntityRecord> entities, RecordsFeatures features)
    {
        var members = entities.Where(e => e.Coverage != EntityCoverage.OutOfScope).SelectMany(e => e.Members).ToList(); // another service holds those
        var measures = new List<string>();
        void Count(Func<MemberRecord, bool> which, string text)
        {
            var n = members.Count(which);
            if (n > 0)
            {
                measures.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, n));
            }
        }

        Count(m => m.Measure == MemberMeasure.Pseudonymised, "Pseudonymisation: {0} member(s) become keyed HMAC-SHA256 pseudonyms on erasure; the key is kept apart from the data.");
        Count(m => m.IsCryptoShredded, "Crypto-shredding: {0} member(s) are stored encrypted (AES-256-GCM) under their subject's own key; erasure destroys the key, so backups and replicas become unreadable.");
        Count(m => m.Measure is MemberMeasure.Masked or MemberMeasure.Generalised, "Masking and generalisation: {0} member(s) keep only a masked or generalised form after erasure.");
        Count(m => m.IsFreeText, features.FreeText
            ? "Free-text redaction: {0} free-text member(s) have an erased subject's mentions replaced, and third parties' data masked in access packages."
            : "Free text: {0} free-text member(s) are erased whole (no free-text redaction is registered).");
        measures.Add(options.CertificateSigningKeyPem is null
            ? "Erasure certificates are signed with HMAC-SHA256."
            : "Erasure certificates are signed with ECDSA P-256 (ES256), verifiable with the public key alone.");
        if (features.ConsentLedger)
        {
            measures.Add("Consent records: an append-only ledger, chained per tenant with HMAC-SHA256 under a key kept apart from the data, its integrity verifiable.");
        }

        if (options.Retention.Rules.Count > 0)
        {
            measures.Add($"Storage limitation: {options.Retention.Rules.Count} retention rule(s) are applied by a scheduled sweep, records under legal hold excepted.");
        }

        return measures;
    }
}
