using GoSmart.Privacy.Records;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Demo;

/// <summary>Step 12: the records of processing (Art. 30) and the notice (Art. 13/14), built from the running configuration and written beside everything else.</summary>
public static class RecordsSection
{
    public static async Task WriteAsync(ServiceProvider provider, string output)
    {
        await using (provider)
        {
            var records = provider.GetRequiredService<IRecordsOfProcessing>().Build();
            Console.WriteLine();
            Console.WriteLine($"== Records of processing (Art. 30) of the {records.Service} service, from its code and configuration");
            foreach (var activity in records.Controllers.SelectMany(c => c.Activities))
            {
                Console.WriteLine($"   {activity.Purpose,-32} {activity.LegalBasis,-9} {activity.DataCategories.Count,2} categories in {activity.Entities.Count} entit{(activity.Entities.Count == 1 ? "y" : "ies")}{(activity.SpecialCategories.Count > 0 ? $", special: {string.Join(", ", activity.SpecialCategories)}" : string.Empty)}{(activity.Transfers.Count > 0 ? $", to {string.Join(", ", activity.Transfers.Select(t => t.Destination))}" : string.Empty)}; notice v{activity.NoticeVersion}");
            }

            foreach (var entity in records.Entities)
            {
                Console.WriteLine($"   {entity.Type[(entity.Type.LastIndexOf('.') + 1)..],-16} {entity.Members.Count,2} members: {entity.Coverage}{(entity.Handlers.Count > 0 ? $" by {string.Join(", ", entity.Handlers)}" : string.Empty)}");
            }

            Console.WriteLine(records.Gaps.Count == 0 ? "   no gaps: every category held has a purpose, every purpose names its data, every entity is reached" : $"   {records.Gaps.Count} gap(s): {string.Join(" | ", records.Gaps.Select(g => g.Message))}");
            await File.WriteAllTextAsync(Path.Combine(output, "records-of-processing.json"), RecordsJson.Write(records));
            await File.WriteAllTextAsync(Path.Combine(output, "records-of-processing.html"), RecordsDocument.ToHtml(records));
            await File.WriteAllTextAsync(Path.Combine(output, "privacy-notice.html"), provider.GetRequiredService<IRecordsOfProcessing>().Notice().ToHtml());
            Console.WriteLine("   written: records-of-processing.json, records-of-processing.html, privacy-notice.html");
        }
    }
}
