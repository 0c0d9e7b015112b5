namespace GoSmart.Privacy.Tool;

/// <summary>The tool's exit codes, documented in docs/cli.md: scripts branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A check failed: the ledger's chain is broken, a certificate does not verify, overdue requests were found with <c>--fail-if-any</c>, a notice changed without a version bump.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>The host's assembly cannot be loaded, or its design-time services fail.</summary>
    public const int AssemblyNotLoadable = 3;

    /// <summary>The privacy store cannot be reached: no connection string, no such file, no server, refused credentials.</summary>
    public const int StoreUnreachable = 4;

    /// <summary>The privacy store has another schema version than this tool reads.</summary>
    public const int SchemaMismatch = 5;

    /// <summary>An input file is malformed: a certificate, a key, a records file.</summary>
    public const int BadInput = 6;

    /// <summary>What was asked for does not exist: a request id.</summary>
    public const int NotFound = 7;

    /// <summary>An unexpected error; run again with <c>--verbose</c> for the stack trace and report it.</summary>
    public const int Unexpected = 70;
}

/// <summary>A failure the tool explains in one line on stderr, with its exit code.</summary>
/// <param name="exitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="message">What went wrong and how to fix it.</param>
/// <param name="inner">The cause, shown with <c>--verbose</c>.</param>
internal sealed class ToolException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Gets the exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
