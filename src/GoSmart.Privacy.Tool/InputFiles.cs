namespace GoSmart.Privacy.Tool;

/// <summary>Reads a file the user named and parses it, turning a missing or malformed file into one line and <see cref="ExitCodes.BadInput"/>.</summary>
internal static class InputFiles
{
    /// <summary>Reads <paramref name="file"/> and parses it with <paramref name="parse"/>.</summary>
    /// <param name="file">The file.</param>
    /// <param name="what">What the file should be, for the message ("an erasure certificate").</param>
    /// <param name="missing">How to get the right file, when it does not exist.</param>
    /// <param name="parse">The parser; it throws <see cref="PrivacyException"/> on malformed text.</param>
    /// <exception cref="ToolException">The file does not exist or does not parse.</exception>
    public static T Read<T>(FileInfo file, string what, string missing, Func<string, T> parse)
    {
        if (!file.Exists)
        {
            throw new ToolException(ExitCodes.BadInput, $"No {what} at '{file.FullName}'. {missing}");
        }

        try
        {
            return parse(File.ReadAllText(file.FullName));
        }
        catch (PrivacyException e)
        {
            throw new ToolException(ExitCodes.BadInput, $"'{file.Name}' is not {what}: {e.Message}", e);
        }
    }
}
