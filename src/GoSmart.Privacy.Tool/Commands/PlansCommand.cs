using System.CommandLine;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary><c>plans &lt;assembly&gt;</c>: every tagged type of a host's assembly, its members, categories and strategies.</summary>
internal static class PlansCommand
{
    public static Command Create()
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The host's built assembly (.dll)." };
        var command = new Command("plans", "List every tagged type of an assembly: its members, data categories, special categories and erasure strategies, and whether its plan is generated.") { assembly };
        command.SetAction((result, _) =>
        {
            var host = HostAssembly.Load(result.GetRequiredValue(assembly).FullName);
            IReadOnlyList<IPersonalDataPlan> plans;
            try
            {
                plans = PersonalDataPlans.InAssembly(host.Assembly);
            }
            catch (InvalidPrivacyAnnotationException e)
            {
                throw new ToolException(ExitCodes.BadInput, $"A type of '{host.Name}' has tags that break a rule: {e.Message}", e);
            }

            if (result.GetValue(CliOptions.Json))
            {
                Output.Json(plans.Select(p => new
                {
                    type = p.EntityType.FullName,
                    source = p.Source,
                    subjectId = p.SubjectIdPath,
                    members = p.Members.Select(m => new { m.Path, m.ExportName, m.Category, m.SpecialCategory, m.IsSubjectId, m.Erasure, m.Exemption, m.IsFreeText, m.IsWritable }),
                }));
                return Task.FromResult(ExitCodes.Success);
            }

            foreach (var plan in plans)
            {
                var table = Output.Table($"{plan.EntityType.FullName} ({plan.Source}{(plan.SubjectIdPath is null ? string.Empty : $", subject id {plan.SubjectIdPath}")})", "Member", "Category", "Special", "Erasure", "Exemption");
                foreach (var m in plan.Members)
                {
                    Output.Row(table, m.Path + (m.IsFreeText ? " (free text)" : string.Empty), m.Category, m.SpecialCategory?.ToString(), m.IsSubjectId ? "subject id" : m.Erasure.ToString(), m.Exemption == ErasureExemption.None ? null : m.Exemption.ToString());
                }

                AnsiConsole.Write(table);
            }

            Output.Line($"{plans.Count} tagged type(s) in {host.Name}; {plans.Count(p => p.Source == PlanSource.Generated)} with a generated plan.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
