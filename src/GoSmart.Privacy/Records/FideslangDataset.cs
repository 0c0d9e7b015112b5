using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy.Records;

/// <summary>
/// The data map in fideslang's dataset format (YAML), so a team that uses Ethyca Fides can import it (<c>fides push</c>):
/// one dataset per service, one collection per tagged entity type, one field per member — nested members as nested
/// fields — each with its data category. The SDK's category keys are fideslang's.
/// </summary>
public static class FideslangDataset
{
    /// <summary>Writes the records' data map as a fideslang dataset.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The YAML text.</returns>
    public static string ToYaml(RecordsOfProcessing records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var yaml = new StringBuilder("dataset:\n");
        yaml.Append("  - fides_key: ").Append(Quote(FidesKey(records.Service))).Append('\n')
            .Append("    name: ").Append(Quote(records.Service)).Append('\n')
            .Append("    description: ").Append(Quote($"Personal data of the {records.Service} service, from its GoSmart.Privacy plans.")).Append('\n')
            .Append("    collections:\n");
        foreach (var entity in records.Entities)
        {
            yaml.Append("      - name: ").Append(Quote(entity.Type)).Append('\n')
                .Append("        description: ").Append(Quote(RecordsWords.Coverage(entity))).Append('\n')
                .Append("        fields:\n");
            Fields(yaml, [.. entity.Members.Select(m => (Segments: m.Path.Split('.').Select(Field).ToArray(), m.Category))], depth: 0, indent: 8);
        }

        return yaml.ToString();
    }

    /// <summary>Writes the fields at <paramref name="depth"/> of the paths, grouping members under a shared parent as nested fields.</summary>
    private static void Fields(StringBuilder yaml, List<(string[] Segments, string Category)> members, int depth, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var group in members.GroupBy(m => m.Segments[depth], StringComparer.Ordinal))
        {
            yaml.Append(pad).Append("  - name: ").Append(Quote(group.Key)).Append('\n');
            var leaves = group.Where(m => m.Segments.Length == depth + 1).Select(m => m.Category).Distinct(StringComparer.Ordinal).ToList();
            if (leaves.Count > 0)
            {
                yaml.Append(pad).Append("    data_categories: [").AppendJoin(", ", leaves.Select(Quote)).Append("]\n");
            }

            var nested = group.Where(m => m.Segments.Length > depth + 1).ToList();
            if (nested.Count > 0)
            {
                yaml.Append(pad).Append("    fields:\n");
                Fields(yaml, nested, depth + 1, indent + 4);
            }
        }
    }

    private static string Field(string segment) => segment.Replace("[]", string.Empty, StringComparison.Ordinal).Replace("{}", string.Empty, StringComparison.Ordinal);

    /// <summary>A fides_key: letters, digits, <c>_</c>, <c>.</c> and <c>-</c> only.</summary>
    private static string FidesKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_');
        }

        return key.Length == 0 ? "service" : key.ToString();
    }

    /// <summary>A YAML double-quoted scalar: JSON's string escaping is a subset of YAML's.</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
