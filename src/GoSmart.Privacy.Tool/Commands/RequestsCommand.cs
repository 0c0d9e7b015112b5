using System.CommandLine;
using System.Globalization;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary><c>requests list</c> and <c>requests show &lt;id&gt;</c>: data-subject requests in the store, overdue ones first.</summary>
internal static class RequestsCommand
{
    public static Command Create()
    {
        var command = new Command("requests", "Data-subject requests in the privacy store.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command List()
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only requests open past their Art. 12(3) due date." };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's requests." };
        var status = new Option<PrivacyRequestStatus?>("--status") { Description = "Only requests in this status." };
        var failIfAny = new Option<bool>("--fail-if-any") { Description = "Exit 1 when any request is listed (with --overdue: a deadline check for cron or CI)." };
        var command = new Command("list", "List requests, newest due date last.") { overdue, tenant, status, failIfAny };
        var store = StoreCommand.On(command, needsHandlers: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = await store.OpenAsync(result, cancellationToken);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var query = new PrivacyRequestQuery { TenantId = result.GetValue(tenant), Status = result.GetValue(status), OverdueAt = result.GetValue(overdue) ? now : null };
            var requests = new List<PrivacyRequest>();
            await foreach (var request in services.GetRequiredService<IPrivacyRequestStore>().QueryAsync(query, cancellationToken))
            {
                requests.Add(request);
            }

            requests.Sort((a, b) => a.DueAt.CompareTo(b.DueAt));
            if (result.GetValue(CliOptions.Json))
            {
                Output.Json(requests.Select(r => new { r.Id, r.Kind, r.Status, r.Subject.TenantId, r.Subject.SubjectId, r.ReceivedAt, r.DueAt, r.ClosedAt, overdue = r.IsOverdue(now) }));
            }
            else
            {
                var table = Output.Table(null, "Id", "Kind", "Status", "Tenant", "Subject", "Received", "Due", "");
                foreach (var r in requests)
                {
                    Output.Row(table, r.Id.ToString(), r.Kind.ToString(), r.Status.ToString(), r.Subject.TenantId, r.Subject.SubjectId, Day(r.ReceivedAt), Day(r.DueAt), r.IsOverdue(now) ? "OVERDUE" : null);
                }

                AnsiConsole.Write(table);
                Output.Line($"{requests.Count} request(s); {requests.Count(r => r.IsOverdue(now))} overdue.");
            }

            return result.GetValue(failIfAny) && requests.Count > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The request's id (a GUID)." };
        var command = new Command("show", "Show one request and the step of each handler.") { id };
        var store = StoreCommand.On(command, needsHandlers: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            var text = result.GetRequiredValue(id);
            if (!Guid.TryParse(text, out var requestId))
            {
                throw new ToolException(ExitCodes.Usage, $"'{text}' is not a request id. Pass the GUID `requests list` shows.");
            }

            await using var services = await store.OpenAsync(result, cancellationToken);
            var requests = services.GetRequiredService<IPrivacyRequestService>();
            if (await requests.GetAsync(requestId, cancellationToken) is null)
            {
                throw new ToolException(ExitCodes.NotFound, $"No request {requestId} in this store. Check the id, and that --connection names the store the request was made in.");
            }

            var report = await requests.GetReportAsync(requestId, cancellationToken);
            var r = report.Request;
            if (result.GetValue(CliOptions.Json))
            {
                Output.Json(report);
                return ExitCodes.Success;
            }

            var summary = Output.Table($"Request {r.Id}", "Field", "Value");
            Output.Row(summary, "Kind", r.Kind.ToString());
            Output.Row(summary, "Status", r.Status + (r.StatusReason is null ? string.Empty : $" ({r.StatusReason})"));
            Output.Row(summary, "Subject", $"{r.Subject.TenantId}/{r.Subject.SubjectId} ({r.Subject.Kind})");
            Output.Row(summary, "Received", r.ReceivedAt.ToString("u", CultureInfo.InvariantCulture));
            Output.Row(summary, "Due", r.DueAt.ToString("u", CultureInfo.InvariantCulture) + (r.IsExtended ? $" (extended: {r.ExtensionReason})" : string.Empty));
            Output.Row(summary, "Closed", r.ClosedAt?.ToString("u", CultureInfo.InvariantCulture));
            Output.Row(summary, "Not covered", string.Join(", ", report.UncoveredTypes));
            AnsiConsole.Write(summary);
            var steps = Output.Table("Handlers", "Handler", "State", "Attempts", "Changed", "Deleted", "Retained", "Error");
            foreach (var step in report.Handlers)
            {
                Output.Row(steps, step.Handler, step.State.ToString(), step.Attempts.ToString(CultureInfo.InvariantCulture), step.Result?.Changed.ToString(CultureInfo.InvariantCulture), step.Result?.Deleted.ToString(CultureInfo.InvariantCulture), step.Result is null ? null : string.Join(", ", step.Result.Exemptions.Select(e => e.Exemption)), step.Error);
            }

            AnsiConsole.Write(steps);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Day(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
