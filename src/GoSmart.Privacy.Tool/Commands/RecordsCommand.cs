using System.CommandLine;
using GoSmart.Privacy.Records;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary>
/// <c>records --assembly &lt;dll&gt;</c>: the records of processing (Art. 30) as the host configures them, printed or
/// written as JSON, Markdown, HTML and a fideslang dataset; <c>--compare</c> names notices that changed without a version bump.
/// </summary>
internal static class RecordsCommand
{
    private static readonly string[] Formats = ["json", "markdown", "html", "fides", "all"];

    public static Command Create()
    {
        var assembly = CliOptions.Assembly(required: true);
        var designTime = CliOptions.DesignTime();
        var connection = CliOptions.Connection();
        var format = new Option<string>("--format", "-f") { Description = "json, markdown, html, fides (a fideslang dataset) or all (with --out).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write the files (records.json, records.md, records.html, fides-dataset.yml) into this directory instead of printing." };
        var compare = new Option<FileInfo?>("--compare") { Description = "A records.json of an earlier build: fail (exit 1) when a purpose's notice changed materially without a new notice version." };
        var failOnGaps = new Option<bool>("--fail-on-gaps") { Description = "Exit 1 when the records show gaps (data without a purpose, a purpose without data, an entity no erasure reaches)." };
        var command = new Command("records", "Build the records of processing activities (GDPR Art. 30) from a host's assembly and configuration.")
        {
            assembly, designTime, connection, format, output, compare, failOnGaps,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(format) == "all" && result.GetValue(output) is null)
            {
                throw new ToolException(ExitCodes.Usage, "--format all writes four files: name their directory with --out.");
            }

            var host = HostAssembly.Load(result.GetRequiredValue(assembly)!.FullName);
            var store = Stores.Resolve(result.GetValue(connection));
            if (store is not null)
            {
                await Stores.CheckAsync(store, cancellationToken);
            }

            RecordsOfProcessing records;
            await using (var services = host.BuildServices(store, result.GetValue(designTime), required: false))
            {
                records = Build(services);
            }

            // A notice that changed without a version bump fails before anything is written, so the committed records
            // stay as they were and the next build fails again until the version is bumped.
            var previous = result.GetValue(compare) is { } compared ? ReadRecords(compared) : null;
            var unversioned = previous is null ? [] : NoticeChanges.Unversioned(previous, records);
            foreach (var change in unversioned)
            {
                Console.Error.WriteLine($"notice: {change.Message}");
            }

            if (unversioned.Count > 0)
            {
                return ExitCodes.CheckFailed;
            }

            var chosen = result.GetValue(format)!;
            if (result.GetValue(output) is { } directory)
            {
                Directory.CreateDirectory(directory.FullName);
                foreach (var (name, text) in Files(records, chosen))
                {
                    await File.WriteAllTextAsync(Path.Combine(directory.FullName, name), text, cancellationToken);
                    if (!result.GetValue(CliOptions.Json))
                    {
                        Output.Line($"wrote {Path.Combine(directory.FullName, name)}");
                    }
                }
            }
            else if (result.GetValue(CliOptions.Json) || chosen == "json")
            {
                Console.Out.Write(RecordsJson.Write(records));
                Console.Out.WriteLine();
            }
            else
            {
                Console.Out.Write(Files(records, chosen).Single().Text);
            }

            foreach (var gap in records.Gaps)
            {
                Console.Error.WriteLine($"gap: {gap.Message}");
            }

            var exit = records.Gaps.Count > 0 && result.GetValue(failOnGaps) ? ExitCodes.CheckFailed : ExitCodes.Success;
            return exit;
        });
        return command;
    }

    private static RecordsOfProcessing Build(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IRecordsOfProcessing>().Build();
        }
        catch (PrivacyException e)
        {
            throw new ToolException(ExitCodes.AssemblyNotLoadable, $"The host's configuration is refused: {e.Message}", e);
        }
    }

    private static IEnumerable<(string Name, string Text)> Files(RecordsOfProcessing records, string format)
    {
        if (format is "json" or "all")
        {
            yield return ("records.json", RecordsJson.Write(records) + "\n");
        }

        if (format is "markdown" or "all")
        {
            yield return ("records.md", RecordsDocument.ToMarkdown(records));
        }

        if (format is "html" or "all")
        {
            yield return ("records.html", RecordsDocument.ToHtml(records));
        }

        if (format is "fides" or "all")
        {
            yield return ("fides-dataset.yml", FideslangDataset.ToYaml(records));
        }
    }

    private static RecordsOfProcessing ReadRecords(FileInfo file) =>
        InputFiles.Read(file, "records of processing", "Pass the records.json an earlier `gosmart-privacy records --format json` wrote.", RecordsJson.Read);
}
