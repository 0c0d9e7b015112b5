using System.Reflection;
using System.Runtime.Loader;

namespace GoSmart.Privacy.Tool;

/// <summary>
/// Loads a host's assembly and its dependencies from its own folder (its <c>.deps.json</c>), while every assembly the
/// tool itself carries — GoSmart.Privacy, the shared frameworks — comes from the tool, so the host's plans register in
/// the registry the tool reads and its types are the tool's types.
/// </summary>
internal sealed class HostLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> ToolAssemblies = TrustedPlatformAssemblies();
    private readonly AssemblyDependencyResolver _resolver;

    public HostLoadContext(string assemblyPath)
        : base("gosmart-privacy host", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && ToolAssemblies.Contains(name))
        {
            return null; // the tool's copy, from the default context
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> TrustedPlatformAssemblies() =>
        [.. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()];
}
