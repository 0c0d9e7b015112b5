using System.Reflection;
using GoSmart.Privacy.Plans.Reflection;
using GoSmart.Privacy.Rules;

namespace GoSmart.Privacy.Requests.Handlers;

/// <summary>
/// The one place that decides which tagged types an erasure leaves out, decided once at start-up. Root types are
/// every type with a subject id in the host's assemblies (the entry assembly and those named in
/// <see cref="ErasureCoverageOptions.Assemblies"/>), found by scanning them — the same set whether their plans are
/// generated (the scan runs their registration) or built by reflection. A root is covered when a handler's <c>Covers</c> names it or a
/// type that holds it (a reaction inside a covered message); the host may acknowledge a type as out of scope, by
/// name, with a reason.
/// </summary>
internal sealed class ErasureCoverage
{
    private readonly HashSet<Type> _covered;
    private readonly IReadOnlyList<Type> _roots;

    public ErasureCoverage(IEnumerable<Type> covers, ErasureCoverageOptions options)
        : this(covers, options, RootTypes((options ?? throw new ArgumentNullException(nameof(options))).Assemblies.Prepend(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct()))
    {
    }

    /// <summary>Works coverage out over the given root types instead of scanning assemblies.</summary>
    public ErasureCoverage(IEnumerable<Type> covers, ErasureCoverageOptions options, IEnumerable<Type> roots)
    {
        ArgumentNullException.ThrowIfNull(options);
        _covered = [];
        foreach (var type in covers)
        {
            Reach(type, _covered);
        }

        _roots = [.. roots];
        var known = _roots.Select(Name).ToHashSet(StringComparer.Ordinal);
        foreach (var acknowledged in options.OutOfScope)
        {
            if (acknowledged is null || string.IsNullOrWhiteSpace(acknowledged.TypeName) || string.IsNullOrWhiteSpace(acknowledged.Reason))
            {
                throw new PrivacyException("An out-of-scope acknowledgement needs the type's full name and the reason its records are not erased here, e.g. new OutOfScopeType(\"GoSmart.Billing.Invoice\", \"Erased by the billing service after 6 years (tax law)\").");
            }

            if (!known.Contains(acknowledged.TypeName))
            {
                throw new PrivacyException($"The out-of-scope acknowledgement names '{acknowledged.TypeName}', which is not a known tagged type with a [DataSubjectId]. Check the full name (namespace included), or add its assembly to PrivacyOptions.Coverage.Assemblies. Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }

        OutOfScope = [.. options.OutOfScope.OrderBy(o => o.TypeName, StringComparer.Ordinal)];
        var acknowledgedNames = OutOfScope.Select(o => o.TypeName).ToHashSet(StringComparer.Ordinal);
        Uncovered = [.. _roots.Where(t => !_covered.Any(c => c.IsAssignableFrom(t))).Select(Name).Where(n => !acknowledgedNames.Contains(n)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets every root type: a tagged type with a subject id in the host's assemblies.</summary>
    public IReadOnlyList<Type> Roots => _roots;

    /// <summary>Gets the acknowledged out-of-scope types.</summary>
    public IReadOnlyList<OutOfScopeType> OutOfScope { get; }

    /// <summary>Gets the root types no handler covers and no acknowledgement names.</summary>
    public IReadOnlyList<string> Uncovered { get; private set; } = [];

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static IEnumerable<Type> RootTypes(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle); // generated plans register
            foreach (var type in Loadable(assembly))
            {
                if (type.IsGenericTypeDefinition || type.IsAbstract && type.IsSealed || type.IsInterface || !TypeShapes.IsNestedCandidate(type) || !HasSubjectId(type))
                {
                    continue;
                }

                IPersonalDataPlan plan;
                try
                {
                    plan = PersonalDataPlans.For(type);
                }
                catch (InvalidPrivacyAnnotationException)
                {
                    continue; // a broken type fails where it is used, with its own message; the analyzers report it at build time
                }

                if (plan.SubjectIdPath is not null)
                {
                    yield return type;
                }
            }
        }
    }

    private static bool HasSubjectId(Type type) =>
        MemberDiscovery.InstanceMembers(type).Any(m => MemberDiscovery.ReadTags(m).Tag is TagKind.SubjectId or TagKind.Identity);

    private static Type[] Loadable(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }

    /// <summary>Gets <paramref name="type"/> and every type its members hold, through collections: what a handler that covers it reaches.</summary>
    /// <param name="type">A covered type.</param>
    /// <returns>The types reached.</returns>
    public static HashSet<Type> Reached(Type type)
    {
        var reached = new HashSet<Type>();
        Reach(type, reached);
        return reached;
    }

    /// <summary>Adds <paramref name="type"/> and every type its members hold, through collections, to <paramref name="reached"/>.</summary>
    private static void Reach(Type type, HashSet<Type> reached)
    {
        if (!reached.Add(type))
        {
            return;
        }

        foreach (var member in MemberDiscovery.InstanceMembers(type))
        {
            var shape = TypeShapes.Classify(member, type);
            if (shape.Shape is MemberShape.Nested or MemberShape.NestedCollection)
            {
                Reach(shape.ValueType, reached);
            }
        }
    }
}
