using GoSmart.Privacy.Tests.Text.Evaluation;
using GoSmart.Privacy.Text;
using Xunit.Abstractions;

namespace GoSmart.Privacy.Tests.Text;

/// <summary>The scanner against the labelled corpus: it must not fall below the figures committed in docs/scanner.md.</summary>
public class ScannerEvaluationTests(ITestOutputHelper output)
{
    /// <summary>The committed figures (docs/scanner.md); raise them when the scanner gets better, never lower them quietly.</summary>
    private const double StructuredF2 = 0.98;
    private const double TopicsF2 = 0.90;
    private const double HandWrittenF2 = 0.90;

    [Fact]
    public void The_scanner_keeps_its_committed_precision_and_recall_on_the_labelled_corpus()
    {
        var corpus = ScannerCorpus.Load();
        var rows = ScannerEvaluation.Run(new PersonalDataScanner(), corpus);
        output.WriteLine(ScannerEvaluation.Table(rows, corpus.Count));
        var handWritten = ScannerCorpus.HandWritten().ToList();
        var hard = ScannerEvaluation.Run(new PersonalDataScanner(), handWritten);
        output.WriteLine(ScannerEvaluation.Table(hard, handWritten.Count));

        Assert.True(rows[^1].Labelled >= 2_000, $"the corpus has {rows[^1].Labelled} labelled spans; it needs at least 2,000");
        Assert.Equal(4, corpus.Select(l => l.Language).Distinct().Count());
        Assert.True(rows.Single(r => r.Name.StartsWith("structured", StringComparison.Ordinal)).F2 >= StructuredF2);
        Assert.True(rows.Single(r => r.Name.StartsWith("Art. 9", StringComparison.Ordinal)).F2 >= TopicsF2);
        Assert.True(hard[^1].F2 >= HandWrittenF2, $"hand-written lines: F2 {hard[^1].F2:0.000} < {HandWrittenF2}");
    }
}
