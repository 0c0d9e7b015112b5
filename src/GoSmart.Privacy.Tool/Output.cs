using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace GoSmart.Privacy.Tool;

/// <summary>Where a command's result goes: JSON on stdout with <c>--json</c>, otherwise tables and text for people.</summary>
internal static class Output
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Writes <paramref name="value"/> as JSON on stdout.</summary>
    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A table with the given columns, no wrapping of short values.</summary>
    public static Table Table(string? title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        return table;
    }

    /// <summary>Adds a row of plain texts (markup escaped).</summary>
    public static void Row(Table table, params string?[] cells) => table.AddRow(cells.Select(c => Markup.Escape(c ?? string.Empty)).ToArray());

    /// <summary>Writes a line of plain text.</summary>
    public static void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

    /// <summary>Shows a progress bar over <paramref name="items"/> when a person watches (not with --json, not when redirected), running <paramref name="each"/> on every item.</summary>
    public static async Task<List<TResult>> WithProgressAsync<T, TResult>(string label, IReadOnlyList<T> items, bool json, Func<T, Task<TResult>> each)
    {
        var results = new List<TResult>(items.Count);
        if (json || Console.IsOutputRedirected || items.Count < 2)
        {
            foreach (var item in items)
            {
                results.Add(await each(item));
            }

            return results;
        }

        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: items.Count);
            foreach (var item in items)
            {
                results.Add(await each(item));
                task.Increment(1);
            }
        });
        return results;
    }
}
