using System.CommandLine;

namespace GoSmart.Privacy.Tool;

/// <summary>The options several commands share.</summary>
internal static class CliOptions
{
    /// <summary>Writes the result as JSON on stdout instead of tables: for scripts.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Write the result as JSON on stdout (for scripts) instead of tables.", Recursive = true };

    /// <summary>Shows stack traces on errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On an error, show the stack trace too.", Recursive = true };

    /// <summary>The privacy store.</summary>
    public static Option<string?> Connection() => new("--connection", "-c")
    {
        Description = $"The privacy store: \"Data Source=privacy.db\" (SQLite) or \"Host=…;Database=…;Username=…\" (PostgreSQL). Defaults to ${Stores.ConnectionVariable}.",
    };

    /// <summary>The host's assembly.</summary>
    public static Option<FileInfo?> Assembly(bool required) => new("--assembly", "-a")
    {
        Description = "The host's built assembly (its .dll, beside its .deps.json), whose IPrivacyDesignTimeServices configure the SDK as the host does.",
        Required = required,
    };

    /// <summary>Which design-time services class to use when the assembly has several.</summary>
    public static Option<string?> DesignTime() => new("--design-time")
    {
        Description = "The IPrivacyDesignTimeServices class to use (full or short name) when the assembly has several.",
    };
}
