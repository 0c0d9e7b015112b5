using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary><c>retention dry-run</c>: what a retention sweep would change now, through the host's own handlers, storing nothing.</summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var command = new Command("retention", "Retention rules and sweeps.");
        var dryRun = new Command("dry-run", "Count what a sweep of every retention rule would change now, through the host's handlers (--assembly), without storing anything or moving any window.");
        var store = StoreCommand.On(dryRun, needsHandlers: true);
        dryRun.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await store.OpenAsync(result, cancellationToken);
            var json = result.GetValue(CliOptions.Json);
            var report = json || Console.IsOutputRedirected
                ? await services.GetRequiredService<IRetentionSweeper>().SweepAsync(dryRun: true, cancellationToken)
                : await AnsiConsole.Status().StartAsync("Sweeping (dry run)…", _ => services.GetRequiredService<IRetentionSweeper>().SweepAsync(dryRun: true, cancellationToken));
            if (json)
            {
                Output.Json(report);
                return report.Lines.Any(l => l.Error is not null) ? ExitCodes.CheckFailed : ExitCodes.Success;
            }

            var table = Output.Table("Retention dry run (nothing stored)", "Rule", "Handler", "Expired before", "Would change", "Would delete", "Retained", "Held", "Error");
            foreach (var line in report.Lines)
            {
                Output.Row(table, line.Rule, line.Handler, line.ExpiredBefore.ToString("u", CultureInfo.InvariantCulture), N(line.Changed), N(line.Deleted), N(line.Retained), N(line.Held), line.Error);
            }

            AnsiConsole.Write(table);
            foreach (var rule in report.NotSwept)
            {
                Output.Line($"not swept: {rule}");
            }

            return report.Lines.Any(l => l.Error is not null) ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        command.Subcommands.Add(dryRun);
        return command;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
