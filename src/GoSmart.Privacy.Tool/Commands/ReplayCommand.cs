using System.CommandLine;
using System.Globalization;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary>
/// <c>replay --since &lt;time&gt;</c>: after restoring a backup taken at that time, the erasures completed since then —
/// listed, or erased again through the host's handlers with <c>--apply</c>.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var since = new Option<string>("--since") { Description = "When the restored backup was taken (ISO 8601, e.g. 2026-12-01T02:00:00Z).", Required = true };
        var apply = new Option<bool>("--apply") { Description = "Erase them again through the host's handlers (needs --assembly); without it, only list them." };
        var command = new Command("replay", "List the erasures completed since a backup was taken, or with --apply erase them again after restoring it.") { since, apply };
        var store = StoreCommand.On(command, needsHandlers: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            var text = result.GetRequiredValue(since);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
            {
                throw new ToolException(ExitCodes.Usage, $"--since '{text}' is not a time. Use ISO 8601, e.g. 2026-12-01T02:00:00Z.");
            }

            if (result.GetValue(apply) && result.GetValue(store.Assembly) is null)
            {
                throw new ToolException(ExitCodes.Usage, "--apply erases through the host's handlers: pass the host's assembly with --assembly.");
            }

            await using var services = await store.OpenAsync(result, cancellationToken);
            var json = result.GetValue(CliOptions.Json);
            if (result.GetValue(apply))
            {
                var replay = await services.GetRequiredService<IPrivacyRequestService>().ReplayErasuresAsync(from, cancellationToken);
                if (json)
                {
                    Output.Json(replay);
                }
                else
                {
                    var table = Output.Table($"Erasures replayed since {from:u}", "Original request", "Completed", "Tenant", "Subject (hash)", "Replay request", "Status", "Changed", "Deleted");
                    foreach (var e in replay.Erasures)
                    {
                        Output.Row(table, e.OriginalRequestId.ToString(), e.OriginalCompletedAt.ToString("u", CultureInfo.InvariantCulture), e.TenantId, e.SubjectHash[..Math.Min(16, e.SubjectHash.Length)], e.ReplayRequestId.ToString(), e.Status.ToString(), e.Changed.ToString(CultureInfo.InvariantCulture), e.Deleted.ToString(CultureInfo.InvariantCulture));
                    }

                    AnsiConsole.Write(table);
                }

                return replay.Erasures.All(e => e.Status == PrivacyRequestStatus.Completed) ? ExitCodes.Success : ExitCodes.CheckFailed;
            }

            var entries = await services.GetRequiredService<IErasureReplayLedger>().SinceAsync(from, cancellationToken);
            if (json)
            {
                Output.Json(entries.Select(e => new { e.RequestId, e.TenantId, e.SubjectHash, e.SubjectKind, e.Handlers, e.CompletedAt }));
                return ExitCodes.Success;
            }

            var list = Output.Table($"Erasures to replay after restoring a backup of {from:u}", "Request", "Completed", "Tenant", "Subject (hash)", "Handlers");
            foreach (var e in entries)
            {
                Output.Row(list, e.RequestId.ToString(), e.CompletedAt.ToString("u", CultureInfo.InvariantCulture), e.TenantId, e.SubjectHash[..Math.Min(16, e.SubjectHash.Length)], string.Join(", ", e.Handlers));
            }

            AnsiConsole.Write(list);
            Output.Line($"{entries.Count} erasure(s); run again with --apply --assembly <host.dll> after restoring the backup to erase them again.");
            return ExitCodes.Success;
        });
        return command;
    }
}
