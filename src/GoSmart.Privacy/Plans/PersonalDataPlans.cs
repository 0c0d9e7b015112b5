using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using GoSmart.Privacy.Plans.Reflection;

namespace GoSmart.Privacy;

/// <summary>
/// The plan registry: <see cref="For{T}"/> returns the plan of a type, built once, cached and thread-safe.
/// A plan emitted by the source generator is preferred; otherwise the reflection builder makes one.
/// </summary>
public static class PersonalDataPlans
{
    private static readonly ConcurrentDictionary<Type, IPersonalDataPlan> Registered = new();
    private static readonly ConcurrentDictionary<Type, Lazy<IPersonalDataPlan>> Reflected = new();

    /// <summary>Returns the plan of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The tagged type.</typeparam>
    /// <returns>The plan; an empty plan for a type with no tagged members.</returns>
    /// <exception cref="InvalidPrivacyAnnotationException">The type's tags break a rule.</exception>
    public static IPersonalDataPlan<T> For<T>() => Cache<T>.Plan ??= (IPersonalDataPlan<T>)For(typeof(T));

    /// <summary>Returns the plan of <paramref name="type"/>.</summary>
    /// <param name="type">The tagged type.</param>
    /// <returns>The plan, an <see cref="IPersonalDataPlan{T}"/> of that type.</returns>
    /// <exception cref="InvalidPrivacyAnnotationException">The type's tags break a rule.</exception>
    public static IPersonalDataPlan For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
        return Registered.TryGetValue(type, out var plan) ? plan : ForReflection(type);
    }

    /// <summary>Returns the plan of <typeparamref name="T"/> built by reflection, even when a generated plan exists (for parity checks).</summary>
    /// <typeparam name="T">The tagged type.</typeparam>
    /// <returns>The reflection plan.</returns>
    public static IPersonalDataPlan<T> ForReflection<T>() => (IPersonalDataPlan<T>)ForReflection(typeof(T));

    /// <summary>Returns the plan of <paramref name="type"/> built by reflection, even when a generated plan exists.</summary>
    /// <param name="type">The tagged type.</param>
    /// <returns>The reflection plan.</returns>
    public static IPersonalDataPlan ForReflection(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericTypeDefinition || type.IsPointer || type.IsByRef)
        {
            throw new PrivacyException($"No plan can be built for '{type}': plans describe closed classes, structs, records and interfaces. Ask for the plan of a closed type.");
        }

        return Reflected.GetOrAdd(type, static t => new Lazy<IPersonalDataPlan>(() => Build(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>
    /// Registers the plan of <typeparamref name="T"/> so that <see cref="For{T}"/> returns it. The source
    /// generator calls this from a module initializer for every plan it emits; a plan registered later for
    /// the same type replaces the earlier one.
    /// </summary>
    /// <typeparam name="T">The tagged type.</typeparam>
    /// <param name="plan">The plan.</param>
    /// <exception cref="PrivacyException">The plan describes another type.</exception>
    public static void Register<T>(IPersonalDataPlan<T> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.EntityType != typeof(T))
        {
            throw new PrivacyException($"A plan for '{plan.EntityType}' cannot be registered as the plan of '{typeof(T)}'. Register each plan under the type it describes.");
        }

        Registered[typeof(T)] = plan;
        Cache<T>.Plan = plan;
    }

    /// <summary>Gets every plan built or registered so far.</summary>
    public static IReadOnlyCollection<IPersonalDataPlan> Known =>
        Registered.Values.Concat(Reflected.Where(p => p.Value.IsValueCreated && !Registered.ContainsKey(p.Key)).Select(p => p.Value.Value)).ToArray();

    /// <summary>
    /// Returns the plan of every tagged type in <paramref name="assembly"/> — every closed class, struct, record or
    /// interface with a tagged member, nested ones included — by full name. Runs the assembly's module initializer
    /// first, so generated plans are returned where they exist.
    /// </summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>The plans, ordered by the full name of their type.</returns>
    /// <exception cref="InvalidPrivacyAnnotationException">A type's tags break a rule; the message names the type and the rule.</exception>
    public static IReadOnlyList<IPersonalDataPlan> InAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = [.. e.Types.OfType<Type>()];
        }

        return [.. types
            .Where(t => !t.IsGenericTypeDefinition && !(t.IsAbstract && t.IsSealed) && TypeShapes.IsNestedCandidate(t) && TypeShapes.HasPersonalData(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(For)];
    }

    private static IPersonalDataPlan Build(Type type)
    {
        var plan = ReflectionPlanBuilder.Build(type);
        return (IPersonalDataPlan)Activator.CreateInstance(typeof(ReflectionPersonalDataPlan<>).MakeGenericType(type), plan)!;
    }

    private static class Cache<T>
    {
        public static IPersonalDataPlan<T>? Plan;
    }
}
