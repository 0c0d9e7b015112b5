using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// Works out, once per model, which entity types are tagged and how their handlers find, read and erase a subject's
/// rows. Every problem of the model is reported at once, at start-up, as one <see cref="PrivacyException"/> naming each
/// entity and its fix: a tagged entity with no way to find its subject, an ambiguous owner, a missing tenant property,
/// a plan that disagrees with the model about a navigation.
/// </summary>
internal static class ModelMapper
{
    /// <summary>Maps the tagged root entities of <paramref name="model"/>, except those another registered erasure handler covers.</summary>
    /// <param name="model">The context's model.</param>
    /// <param name="options">The options.</param>
    /// <param name="coveredElsewhere">Types that handlers registered one by one cover (the Identity user, say): left to them.</param>
    /// <returns>The maps.</returns>
    /// <exception cref="PrivacyException">The model cannot be served; the message names every problem and its fix.</exception>
    public static IReadOnlyList<EntityMap> Map<TContext>(IModel model, EntityFrameworkPrivacyOptions<TContext> options, IReadOnlyCollection<Type> coveredElsewhere)
        where TContext : DbContext
    {
        var problems = new List<string>();
        var maps = new List<EntityMap>();
        var unused = options.Entities.Keys.ToHashSet();
        CheckCryptoShredded(model, problems);
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && !e.HasSharedClrType).OrderBy(e => e.ClrType.Name, StringComparer.Ordinal))
        {
            var hierarchy = entity.GetDerivedTypesInclusive().Select(e => e.ClrType).Distinct().ToList();
            var plans = hierarchy.Select(PersonalDataPlans.For).ToList();
            if (plans.All(p => p.Members.Count == 0))
            {
                continue; // tags nothing of its own: not a tagged entity
            }

            unused.ExceptWith(hierarchy);
            if (hierarchy.Any(t => coveredElsewhere.Any(c => c.IsAssignableFrom(t))))
            {
                continue; // another handler erases it (through UserManager, say): two would fight over one row
            }
            var entityOptions = hierarchy.Select(t => options.Entities.GetValueOrDefault(t)).OfType<IEntityOptions>().FirstOrDefault();
            var before = problems.Count;
            foreach (var type in entity.GetDerivedTypesInclusive())
            {
                CheckNavigations(type, PersonalDataPlans.For(type.ClrType), problems);
            }

            var plan = plans[0];
            var lookups = Lookups(entity, plan, entityOptions, problems);
            IProperty? tenant = null;
            if (options.TenantProperty is { } tenantName && (tenant = entity.FindProperty(tenantName)) is null)
            {
                problems.Add($"{Names.Of(entity.ClrType)} has no '{tenantName}' property, so its rows cannot be kept to the request's tenant. Add one (a shadow property works: modelBuilder.Entity<{Names.Of(entity.ClrType)}>().Property<string>(\"{tenantName}\")), or let the context's query filter keep tenants apart with UseTenantQueryFilter.");
            }

            if (options.TenantSetter is not null && options.TenantProperty is null
                && !entity.GetDeclaredQueryFilters().Any(f => f.Key is null || !options.SoftDeleteFilters.Contains(f.Key)))
            {
                problems.Add($"{Names.Of(entity.ClrType)} has no query filter besides the soft-delete ones, so with UseTenantQueryFilter its handlers would reach every tenant's rows. Give it the context's tenant filter (modelBuilder.Entity<{Names.Of(entity.ClrType)}>().HasQueryFilter(\"Tenant\", …)), or set o.TenantProperty instead.");
            }

            if (entity.FindPrimaryKey() is not { } key)
            {
                problems.Add($"{Names.Of(entity.ClrType)} has no primary key, so its rows cannot be read and erased in a stable order. Give it a key, or exclude it from the model the privacy handlers see.");
                continue;
            }

            if (problems.Count > before)
            {
                continue;
            }

            var (path, setBased) = ErasurePaths.Choose(entity, hierarchy.Count, plan, lookups, entityOptions?.Erasure ?? EntityErasureMode.Anonymise, key);
            maps.Add(new EntityMap
            {
                EntityType = entity,
                HandlerName = options.Name + "/" + Names.Of(entity.ClrType),
                Plan = plan,
                Covers = [.. plans.Where(p => p.Members.Count > 0).Select(p => p.EntityType)],
                Lookups = lookups,
                Key = key.Properties,
                Erasure = path,
                SetBasedMembers = setBased,
                TenantProperty = tenant,
                FreeTextColumns = plan.SubjectIdPath is null ? [] : [.. plans.SelectMany(p => p.Members).Where(m => m.IsFreeText).Select(m => entity.FindProperty(m.Path)).OfType<IProperty>().Where(p => p.ClrType == typeof(string) && !p.IsShadowProperty()).Distinct()],
            });
        }

        foreach (var type in unused)
        {
            problems.Add($"Options configure {Names.Of(type)}, which is not a tagged root entity of {typeof(TContext).Name}'s model (owned, derived or untagged types are reached through their owner or root). Remove the configuration, or tag the type.");
        }

        if (options.TenantProperty is null && options.TenantSetter is null && options.SingleTenantId is null)
        {
            problems.Add($"{typeof(TContext).Name}'s handlers do not know how to keep tenants apart. Set o.TenantProperty = \"TenantId\" (a property of every tagged entity), call o.UseTenantQueryFilter((db, tenant) => db.CurrentTenant = tenant) when the context's query filter does it, or o.SingleTenant(\"tenant-id\") when the database holds one tenant.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            problems.Add($"BatchSize is {options.BatchSize}; use 1 to 100,000 rows per transaction (default 500).");
        }

        if (problems.Count > 0)
        {
            throw new PrivacyException($"GoSmart.Privacy cannot map {typeof(TContext).Name}: " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p}")));
        }

        return maps;
    }

    /// <summary>Where a subject's rows are: by the entity's own subject id, its owned parts' ids, or the owner it belongs to.</summary>
    private static List<SubjectLookup> Lookups(IEntityType entity, IPersonalDataPlan plan, IEntityOptions? options, List<string> problems)
    {
        var lookups = new List<SubjectLookup>();
        if (plan.SubjectIdPath is { } own)
        {
            lookups.Add(new SubjectLookup([], own.Split('.'), null, MemberType(plan, own), true));
        }
        else if (options?.Owner is { } owner)
        {
            if (OwnerLookup(entity, owner, problems) is { } lookup)
            {
                lookups.Add(lookup);
            }
        }
        else
        {
            var owners = entity.GetForeignKeys()
                .Where(fk => fk.IsRequired && !fk.IsOwnership && !fk.PrincipalEntityType.IsOwned() && TopLevelSubjectId(fk.PrincipalEntityType) is not null)
                .Select(ThroughForeignKey).OfType<(string Name, SubjectLookup Lookup)>()
                .ToList();
            if (owners.Count == 1)
            {
                lookups.Add(owners[0].Lookup);
            }
            else if (owners.Count > 1)
            {
                problems.Add($"{Names.Of(entity.ClrType)} has no [DataSubjectId] and required foreign keys to several people ({string.Join(", ", owners.Select(o => o.Name))}), so whose rows they are is ambiguous. Choose one: o.Entity<{Names.Of(entity.ClrType)}>(e => e.BelongsTo(x => x.{owners[0].Name})), or tag the owner's id [DataSubjectId].");
            }
            else
            {
                problems.Add($"{Names.Of(entity.ClrType)} has personal data but no way to find its subject: no [DataSubjectId], and no required foreign key to an entity that has one. Tag the member holding the person's id [DataSubjectId], name the owner with o.Entity<{Names.Of(entity.ClrType)}>(e => e.BelongsTo(x => x.Owner)), or acknowledge it as out of scope in PrivacyOptions.Coverage.");
            }
        }

        // Parts are told apart from their row by the row's own subject id; a row that belongs through a foreign key has none.
        foreach (var member in plan.Members.Where(m => m.IsSubjectId && plan.SubjectIdPath is not null && m.Path != plan.SubjectIdPath))
        {
            // Another person's row holding the subject's part: in an owned reference, or in one owned collection.
            var parts = member.Path.Split("[].");
            if (member.Path.Contains("{}", StringComparison.Ordinal) || parts.Length > 2)
            {
                continue; // a dictionary of parts, or collections in collections: found only through the row's own subject
            }

            lookups.Add(parts.Length == 1
                ? new SubjectLookup([], member.Path.Split('.'), null, member.MemberType, false)
                : new SubjectLookup(parts[0].Split('.'), parts[1].Split('.'), null, member.MemberType, false));
        }

        return lookups;
    }

    /// <summary>The lookup through a foreign key: its own column when it holds the subject id, else its navigation; <see langword="null"/> when neither exists.</summary>
    private static (string Name, SubjectLookup Lookup)? ThroughForeignKey(IForeignKey fk)
    {
        var target = fk.PrincipalEntityType;
        var subjectId = TopLevelSubjectId(target)!;
        var name = fk.DependentToPrincipal?.Name ?? string.Join("+", fk.Properties.Select(p => p.Name));
        if (fk.Properties.Count == 1 && fk.PrincipalKey.Properties.Count == 1 && fk.PrincipalKey.Properties[0].Name == subjectId)
        {
            return (name, new SubjectLookup([], [], fk.Properties[0].Name, fk.Properties[0].ClrType, true)); // the foreign key holds the id: no join
        }

        return fk.DependentToPrincipal is { } navigation
            ? (name, new SubjectLookup([], [navigation.Name, subjectId], null, MemberType(PersonalDataPlans.For(target.ClrType), subjectId), true))
            : null;
    }

    private static SubjectLookup? OwnerLookup(IEntityType entity, LambdaExpression owner, List<string> problems)
    {
        var chain = new List<string>();
        for (var e = owner.Body; e is MemberExpression member; e = member.Expression!)
        {
            chain.Insert(0, member.Member.Name);
        }

        var type = entity;
        INavigation? last = null;
        foreach (var name in chain)
        {
            last = type.FindNavigation(name);
            if (last is null || last.IsCollection)
            {
                problems.Add($"BelongsTo on {Names.Of(entity.ClrType)} names '{string.Join(".", chain)}', but '{name}' is not a reference navigation of {Names.Of(type.ClrType)} in the model. Name a chain of reference navigations to the owning entity.");
                return null;
            }

            type = last.TargetEntityType;
        }

        if (TopLevelSubjectId(type) is not { } subjectId)
        {
            problems.Add($"BelongsTo on {Names.Of(entity.ClrType)} leads to {Names.Of(type.ClrType)}, which has no [DataSubjectId] of its own. Lead it to the entity that identifies the person.");
            return null;
        }

        return chain.Count == 1 && ThroughForeignKey(last!.ForeignKey) is { } direct ? direct.Lookup : new SubjectLookup([], [.. chain, subjectId], null, MemberType(PersonalDataPlans.For(type.ClrType), subjectId), true);
    }

    private static string? TopLevelSubjectId(IEntityType entity) =>
        PersonalDataPlans.For(entity.ClrType).SubjectIdPath is { } path && !path.Contains('.', StringComparison.Ordinal) ? path : null;

    private static Type MemberType(IPersonalDataPlan plan, string path) => plan.Members.First(m => m.Path == path).MemberType;

    /// <summary>The plan must follow exactly the owned navigations: it holds the entity's parts, never another row.</summary>
    private static void CheckNavigations(IEntityType entity, IPersonalDataPlan plan, List<string> problems)
    {
        foreach (var navigation in entity.GetDeclaredNavigations().Cast<INavigationBase>().Concat(entity.GetDeclaredSkipNavigations()))
        {
            var follows = plan.Members.Any(m => m.Path.StartsWith(navigation.Name + ".", StringComparison.Ordinal) || m.Path.StartsWith(navigation.Name + "[].", StringComparison.Ordinal));
            var owned = navigation is INavigation { ForeignKey.IsOwnership: true, IsOnDependent: false };
            if (owned && !follows && PersonalDataPlans.For(navigation.TargetEntityType.ClrType).Members.Count > 0)
            {
                problems.Add($"{Names.Of(entity.ClrType)}.{navigation.Name} is owned (stored with {Names.Of(entity.ClrType)}) and holds personal data, but the plan does not follow it: its type looks like another record by name. Mark {Names.Of(navigation.TargetEntityType.ClrType)} [Owned] so the plan exports and erases it with its owner.");
            }
            else if (!owned && follows)
            {
                problems.Add($"{Names.Of(entity.ClrType)}.{navigation.Name} leads to another table ({Names.Of(navigation.TargetEntityType.ClrType)}), but the plan follows it as a part of {Names.Of(entity.ClrType)}, so erasing one row would reach another's. Mark the navigation [ForeignKey(\"…\")] (or name its foreign key {navigation.Name}Id) so the plan stops there.");
            }
        }
    }

    /// <summary>
    /// A <see cref="CryptoShreddedAttribute"/> the interceptor could not honour is a start-up error, never a value silently
    /// stored in the clear: on a member that is not a mapped, writable string property tagged as personal data, or on an
    /// entity with no subject id to find the key by.
    /// </summary>
    private static void CheckCryptoShredded(IModel model, List<string> problems)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.HasSharedClrType))
        {
            foreach (var member in entity.ClrType.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(p => p.IsDefined(typeof(CryptoShreddedAttribute), inherit: true)))
            {
                var name = $"{Names.Of(entity.ClrType)}.{member.Name}";
                if (member.PropertyType != typeof(string) || !member.CanWrite || entity.FindProperty(member.Name) is null)
                {
                    problems.Add($"{name} is [CryptoShredded] but is not a mapped, writable string property, so it would be stored in the clear. Crypto-shredding encrypts strings: move the attribute to a string property, or remove it.");
                }
                else if (!member.IsDefined(typeof(PersonalFieldAttribute), inherit: true) && !member.IsDefined(typeof(SensitiveFieldAttribute), inherit: true))
                {
                    problems.Add($"{name} is [CryptoShredded] but not tagged [PersonalField] or [SensitiveField]: tag what it holds, so exports, erasure and the records of processing know it.");
                }
                else if (PersonalDataPlans.For(entity.ClrType).SubjectIdPath is null)
                {
                    problems.Add($"{name} is [CryptoShredded] but {Names.Of(entity.ClrType)} has no [DataSubjectId] of its own, so its subject's key cannot be found. Tag the member holding the subject's id.");
                }
            }
        }
    }
}
