using GoSmart.Privacy.Tests.Text.Evaluation;
using GoSmart.Privacy.Text;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>
/// <c>--evaluate [docs/scanner.md]</c>: scores the scanner on the labelled corpus, prints precision, recall and F2 per
/// entity type and overall, and (given the doc's path) writes the tables between its evaluation markers.
/// </summary>
public static class ScannerEvaluationCommand
{
    private const string Start = "<!-- evaluation:start -->";
    private const string End = "<!-- evaluation:end -->";

    public static int Run(string? docs)
    {
        var scanner = new PersonalDataScanner();
        var corpus = ScannerCorpus.Load();
        var handWritten = ScannerCorpus.HandWritten().ToList();
        var text = "**Whole corpus** (hand-written and generated lines):\n\n" + ScannerEvaluation.Table(ScannerEvaluation.Run(scanner, corpus), corpus.Count)
            + "\n**Hand-written lines only** (the harder part: typos, emoji, lower case, look-alike numbers):\n\n" + ScannerEvaluation.Table(ScannerEvaluation.Run(scanner, handWritten), handWritten.Count);
        Console.WriteLine(text);
        if (docs is not null)
        {
            var doc = File.ReadAllText(docs);
            var from = doc.IndexOf(Start, StringComparison.Ordinal);
            var to = doc.IndexOf(End, StringComparison.Ordinal);
            if (from < 0 || to < from)
            {
                Console.Error.WriteLine($"{docs} has no '{Start}' … '{End}' markers to write the tables between.");
                return 1;
            }

            File.WriteAllText(docs, doc[..(from + Start.Length)] + "\n" + text + doc[to..]);
            Console.WriteLine($"written into {docs}");
        }

        return 0;
    }
}
