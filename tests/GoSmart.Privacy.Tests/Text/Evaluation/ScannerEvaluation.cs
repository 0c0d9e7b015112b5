using System.Globalization;
using System.Text;
using GoSmart.Privacy.Text;

namespace GoSmart.Privacy.Tests.Text.Evaluation;

/// <summary>Precision, recall and F2 of one entity type (or a group of them) on the corpus.</summary>
/// <param name="Name">The type or group.</param>
/// <param name="TruePositives">Found and labelled.</param>
/// <param name="FalsePositives">Found, not labelled.</param>
/// <param name="FalseNegatives">Labelled, not found.</param>
public sealed record EvaluationRow(string Name, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Gets the labelled spans.</summary>
    public int Labelled => TruePositives + FalseNegatives;

    /// <summary>Gets the precision.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Gets the recall.</summary>
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;

    /// <summary>Gets F2 (recall weighed twice as much as precision, as Presidio reports it).</summary>
    public double F2 => Precision + Recall == 0 ? 0 : 5 * Precision * Recall / ((4 * Precision) + Recall);
}

/// <summary>
/// Scores the scanner on the corpus: a finding is a true positive when it overlaps a labelled span of the same type (and
/// category, for topics); every other finding is a false positive, every unmatched label a false negative.
/// </summary>
public static class ScannerEvaluation
{
    /// <summary>The structured entities, whose group F2 the target (≥ 0.90) is about.</summary>
    public static readonly TextEntityType[] Structured = [TextEntityType.Email, TextEntityType.Phone, TextEntityType.PaymentCard, TextEntityType.Iban, TextEntityType.UsSocialSecurityNumber, TextEntityType.IpAddress];

    /// <summary>Runs the scanner over the corpus and scores it, per type, per group and overall.</summary>
    public static IReadOnlyList<EvaluationRow> Run(IPersonalDataScanner scanner, IReadOnlyList<LabelledLine> corpus)
    {
        var counts = Enum.GetValues<TextEntityType>().ToDictionary(t => t, _ => (Tp: 0, Fp: 0, Fn: 0));
        foreach (var line in corpus)
        {
            var found = scanner.Scan(line.Text, new ScanContext { Participants = line.Participants, Region = line.Region });
            var matched = new bool[line.Spans.Count];
            foreach (var finding in found)
            {
                var hit = -1;
                for (var i = 0; i < line.Spans.Count; i++)
                {
                    var span = line.Spans[i];
                    if (span.Type == finding.Type && (span.Category is null || span.Category == finding.Category) && finding.Start < span.Start + span.Length && span.Start < finding.End)
                    {
                        hit = i;
                        break;
                    }
                }

                var c = counts[finding.Type];
                counts[finding.Type] = hit >= 0 ? (c.Tp + (matched[hit] ? 0 : 1), c.Fp, c.Fn) : (c.Tp, c.Fp + 1, c.Fn);
                if (hit >= 0)
                {
                    matched[hit] = true;
                }
            }

            for (var i = 0; i < line.Spans.Count; i++)
            {
                if (!matched[i])
                {
                    var c = counts[line.Spans[i].Type];
                    counts[line.Spans[i].Type] = (c.Tp, c.Fp, c.Fn + 1);
                }
            }
        }

        var rows = counts.Where(c => c.Value != (0, 0, 0)).Select(c => new EvaluationRow(c.Key.ToString(), c.Value.Tp, c.Value.Fp, c.Value.Fn)).ToList();
        rows.Add(Sum("structured (e-mail, phone, card, IBAN, SSN, IP)", counts.Where(c => Structured.Contains(c.Key)).Select(c => c.Value)));
        rows.Add(Sum("Art. 9/10 topics", counts.Where(c => c.Key == TextEntityType.SpecialCategory).Select(c => c.Value)));
        rows.Add(Sum("overall", counts.Values));
        return rows;
    }

    /// <summary>The rows as a Markdown table.</summary>
    public static string Table(IReadOnlyList<EvaluationRow> rows, int lines)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{lines} lines, {rows[^1].Labelled} labelled spans.");
        text.AppendLine();
        text.AppendLine("| entity | labelled | found right | false positives | missed | precision | recall | F2 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Labelled} | {row.TruePositives} | {row.FalsePositives} | {row.FalseNegatives} | {row.Precision:0.000} | {row.Recall:0.000} | **{row.F2:0.000}** |");
        }

        return text.ToString();
    }

    private static EvaluationRow Sum(string name, IEnumerable<(int Tp, int Fp, int Fn)> counts)
    {
        var all = counts.ToList();
        return new EvaluationRow(name, all.Sum(c => c.Tp), all.Sum(c => c.Fp), all.Sum(c => c.Fn));
    }
}
