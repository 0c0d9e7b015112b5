using System.CommandLine;
using System.Globalization;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary><c>holds list</c>: the legal holds in the store.</summary>
internal static class HoldsCommand
{
    public static Command Create()
    {
        var command = new Command("holds", "Legal holds.");
        var all = new Option<bool>("--all") { Description = "Released holds too." };
        var list = new Command("list", "List the legal holds, oldest first: active ones, or all with --all.") { all };
        var store = StoreCommand.On(list, needsHandlers: false);
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await store.OpenAsync(result, cancellationToken);
            var holds = await services.GetRequiredService<ILegalHoldStore>().ListAsync(result.GetValue(all), cancellationToken);
            if (result.GetValue(CliOptions.Json))
            {
                Output.Json(holds);
                return ExitCodes.Success;
            }

            var table = Output.Table("Legal holds", "Id", "Scope", "Tenant", "Target", "Reason", "Reference", "Placed", "Released");
            foreach (var h in holds)
            {
                Output.Row(table, h.Id.ToString(), h.Scope.ToString(), h.TenantId, h.Target, h.Reason, h.Reference, $"{h.PlacedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by {h.PlacedBy}", h.ReleasedAt is { } at ? $"{at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by {h.ReleasedBy}" : null);
            }

            AnsiConsole.Write(table);
            Output.Line($"{holds.Count(h => h.IsActive)} active hold(s) of {holds.Count} listed.");
            return ExitCodes.Success;
        });
        command.Subcommands.Add(list);
        return command;
    }
}
