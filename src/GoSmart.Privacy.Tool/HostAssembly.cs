using System.Reflection;
using GoSmart.Privacy.Design;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tool;

/// <summary>A host's assembly, loaded with its dependencies, and the design-time services it offers (<see cref="IPrivacyDesignTimeServices"/>).</summary>
internal sealed class HostAssembly
{
    private HostAssembly(Assembly assembly, string path)
    {
        Assembly = assembly;
        Path = path;
    }

    /// <summary>Gets the loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Gets its full path.</summary>
    public string Path { get; }

    /// <summary>Gets its name.</summary>
    public string Name => Assembly.GetName().Name ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Loads the assembly at <paramref name="path"/>.</summary>
    /// <exception cref="ToolException">It does not exist, is not a .NET assembly, or was built against a newer GoSmart.Privacy.</exception>
    public static HostAssembly Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"No assembly at '{full}'. Build the host first (dotnet build) and pass the path of its .dll, e.g. bin/Debug/net10.0/MyService.dll.");
        }

        Assembly assembly;
        try
        {
            assembly = new HostLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException e)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"'{full}' is not a .NET assembly the tool can load. Pass the host's .dll (not its native executable or a reference assembly from obj/).", e);
        }
        catch (FileLoadException e)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"'{full}' could not be loaded ({e.Message}). Pass the .dll from the host's build output, beside its .deps.json.", e);
        }

        var tool = typeof(PersonalDataPlans).Assembly.GetName().Version;
        var referenced = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == typeof(PersonalDataPlans).Assembly.GetName().Name);
        if (referenced?.Version is { } built && tool is not null && built > tool)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"'{System.IO.Path.GetFileName(full)}' was built against GoSmart.Privacy {built}, newer than this tool's {tool}. Update the tool: dotnet tool update GoSmart.Privacy.Tool.");
        }

        return new HostAssembly(assembly, full);
    }

    /// <summary>Gets the types that implement <see cref="IPrivacyDesignTimeServices"/>.</summary>
    public IReadOnlyList<Type> DesignTimeTypes() =>
        [.. Loadable().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IPrivacyDesignTimeServices).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>
    /// Builds the SDK as the host configures it: through its design-time services (the one named, or the only one),
    /// or — when it has none and <paramref name="required"/> is false — with the defaults and the given store.
    /// </summary>
    /// <exception cref="ToolException">No design-time services where they are required, several and none named, or they throw.</exception>
    public ServiceProvider BuildServices(string? connection, string? designTime, bool required)
    {
        var candidates = DesignTimeTypes();
        Type? chosen = designTime is not null
            ? candidates.FirstOrDefault(t => t.FullName == designTime || t.Name == designTime)
                ?? throw new ToolException(ExitCodes.Usage, $"'{Name}' has no design-time services class named '{designTime}'. It has: {Names(candidates)}.")
            : candidates.Count switch
            {
                0 => null,
                1 => candidates[0],
                _ => throw new ToolException(ExitCodes.Usage, $"'{Name}' has several design-time services classes ({Names(candidates)}). Pick one with --design-time <name>."),
            };
        if (chosen is null && required)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"'{Name}' has no public class implementing GoSmart.Privacy.Design.IPrivacyDesignTimeServices, so the tool cannot run its handlers. Add one that calls the same AddGoSmartPrivacy(…) configuration as the host (docs/cli.md).");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        try
        {
            if (chosen is not null)
            {
                var configure = (IPrivacyDesignTimeServices)Activator.CreateInstance(chosen)!;
                configure.ConfigureServices(services, new PrivacyDesignTimeContext(connection, System.IO.Path.GetDirectoryName(Path)!));
            }
            else
            {
                Stores.AddDefaults(services, connection, Name);
            }
        }
        catch (Exception e) when (e is not ToolException)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"The design-time services of '{Name}' ({chosen?.FullName}) failed: {Inner(e).Message}", e);
        }

        var toolName = Assembly.GetEntryAssembly()?.GetName().Name;
        services.PostConfigure<PrivacyOptions>(o =>
        {
            if (!o.Coverage.Assemblies.Contains(Assembly))
            {
                o.Coverage.Assemblies.Add(Assembly); // the tool, not the host, is the entry assembly here
            }

            if (o.ServiceName == toolName)
            {
                o.ServiceName = Name;
            }
        });
        return services.BuildServiceProvider();
    }

    private static Exception Inner(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static string Names(IReadOnlyList<Type> types) => types.Count == 0 ? "none" : string.Join(", ", types.Select(t => t.FullName));

    private Type[] Loadable()
    {
        try
        {
            return Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }
}
