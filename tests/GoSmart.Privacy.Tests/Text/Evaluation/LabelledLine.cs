using GoSmart.Privacy.Text;

namespace GoSmart.Privacy.Tests.Text.Evaluation;

/// <summary>A labelled span of a corpus line: what it is, and where.</summary>
/// <param name="Type">The entity type.</param>
/// <param name="Category">The special category, for topics.</param>
/// <param name="Start">The first character.</param>
/// <param name="Length">How many characters.</param>
public sealed record LabelledSpan(TextEntityType Type, SpecialCategory? Category, int Start, int Length);

/// <summary>One corpus line: its language, its phone region, its participants, its text and its labelled spans.</summary>
/// <param name="Language">The language code.</param>
/// <param name="Region">The phone region.</param>
/// <param name="Participants">The conversation's participants.</param>
/// <param name="Text">The text, without markup.</param>
/// <param name="Spans">The labelled spans.</param>
public sealed record LabelledLine(string Language, string Region, IReadOnlyList<string> Participants, string Text, IReadOnlyList<LabelledSpan> Spans)
{
    /// <summary>Reads a line written with <c>[[Type:text]]</c> or <c>[[SpecialCategory/Category:text]]</c> markup.</summary>
    public static LabelledLine Parse(string language, string region, IReadOnlyList<string> participants, string marked)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<LabelledSpan>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(marked, i, marked.Length - i);
                break;
            }

            text.Append(marked, i, open - i);
            var colon = marked.IndexOf(':', open);
            var close = marked.IndexOf("]]", colon, StringComparison.Ordinal);
            var label = marked[(open + 2)..colon].Split('/');
            var value = marked[(colon + 1)..close];
            var category = label.Length > 1 ? Enum.Parse<SpecialCategory>(label[1]) : (SpecialCategory?)null;
            spans.Add(new LabelledSpan(Enum.Parse<TextEntityType>(label[0]), category, text.Length, value.Length));
            text.Append(value);
            i = close + 2;
        }

        return new LabelledLine(language, region, participants, text.ToString(), spans);
    }
}
