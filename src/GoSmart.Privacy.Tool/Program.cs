using System.CommandLine;
using GoSmart.Privacy;
using GoSmart.Privacy.Tool;
using GoSmart.Privacy.Tool.Commands;

var root = new RootCommand("gosmart-privacy: plans and records of processing from a host's code; requests, consent, certificates, retention, holds and replay from its privacy store. Exit codes: docs/cli.md.")
{
    PlansCommand.Create(),
    RecordsCommand.Create(),
    RequestsCommand.Create(),
    VerifyCommand.Create(),
    RetentionCommand.Create(),
    HoldsCommand.Create(),
    ReplayCommand.Create(),
};
root.Options.Add(CliOptions.Json);
root.Options.Add(CliOptions.Verbose);

if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 200; // a file or a pipe has no width: keep each row on one line
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        var lines = error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Console.Error.WriteLine($"gosmart-privacy: {lines[0]}{(lines.Length > 1 ? " " + string.Join(", ", lines[1..]) : string.Empty)}");
    }

    Console.Error.WriteLine("Run gosmart-privacy --help for the commands and their options.");
    return ExitCodes.Usage;
}

var verbose = parsed.GetValue(CliOptions.Verbose);
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (ToolException e)
{
    return Fail(e.Message, e, e.ExitCode);
}
catch (PrivacyException e)
{
    return Fail(e.Message, e, ExitCodes.BadInput);
}
catch (OperationCanceledException e)
{
    return Fail("Cancelled.", e, ExitCodes.Unexpected);
}
catch (Exception e)
{
    return Fail($"Unexpected error: {e.Message} Run again with --verbose and report it.", e, ExitCodes.Unexpected);
}

int Fail(string message, Exception e, int code)
{
    Console.Error.WriteLine($"gosmart-privacy: {message.ReplaceLineEndings(" ")}");
    if (verbose)
    {
        Console.Error.WriteLine(e.ToString());
    }

    return code;
}
