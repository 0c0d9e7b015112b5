namespace GoSmart.Privacy.Text.Detectors;

/// <summary>
/// Words and phrases to find in text — whole words, case- and diacritic-insensitive, a trailing <c>*</c> making a stem —
/// each with a payload. Lookups go by span, so scanning a text that matches nothing allocates nothing.
/// </summary>
/// <typeparam name="T">What a match carries.</typeparam>
internal sealed class WordIndex<T>
{
    private const int MaxWord = 64;
    private readonly Dictionary<string, List<(string[] Following, T Value)>> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _stems = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string[] Following, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private int _shortestStem = int.MaxValue;
    private readonly bool[] _stemLengths = new bool[MaxWord + 1];
    private readonly bool[] _starts = new bool[128 * 128];
    private bool _nonAsciiStart;

    public WordIndex()
    {
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds a word, a phrase (words separated by spaces) or a stem (<c>chemo*</c>, one word of at least three letters).</summary>
    /// <returns><see langword="false"/> when the entry has no word in it.</returns>
    public bool Add(string entry, T value)
    {
        var tokens = Chars.Fold(entry.Trim()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return false;
        }

        if (tokens.Length == 1 && tokens[0].EndsWith('*') && tokens[0].Length > 3)
        {
            var stem = tokens[0][..^1];
            _stems.TryAdd(stem, value);
            _shortestStem = Math.Min(_shortestStem, stem.Length);
            _stemLengths[Math.Min(stem.Length, MaxWord)] = true;
            Starts(stem);
            return true;
        }

        Starts(tokens[0]);
        if (!_words.TryGetValue(tokens[0], out var list))
        {
            _words[tokens[0]] = list = [];
        }

        list.Add((tokens[1..], value));
        list.Sort(static (a, b) => b.Following.Length.CompareTo(a.Following.Length)); // the longest phrase first
        return true;
    }

    /// <summary>Adds a finding, made by <paramref name="make"/> (a static lambda: nothing is allocated without a match), for each match in <paramref name="text"/>.</summary>
    public void Find(ReadOnlySpan<char> text, ref Findings findings, Func<int, int, T, TextFinding> make)
    {
        Span<char> folded = stackalloc char[MaxWord];
        var i = 0;
        while (TryWord(text, ref i, out var start, out var length))
        {
            if (length > MaxWord || !MayStart(text, start, length))
            {
                continue; // no entry starts with these two letters: no lookup at all
            }

            Fold(text.Slice(start, length), folded);
            var word = folded[..length];
            if (_wordLookup.TryGetValue(word, out var entries))
            {
                foreach (var (rest, value) in entries)
                {
                    if (Follows(text, start + length, rest, out var end))
                    {
                        findings.Add(make(start, end - start, value));
                        i = end; // a phrase's words are not found again one by one
                        break;
                    }
                }
            }
            else if (length >= _shortestStem)
            {
                for (var n = length; n >= _shortestStem; n--)
                {
                    if (_stemLengths[n] && _stemLookup.TryGetValue(word[..n], out var value))
                    {
                        findings.Add(make(start, length, value));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Remembers an entry's first two (folded) letters, so most words of a text are dismissed without a lookup.</summary>
    private void Starts(string folded)
    {
        var a = folded[0];
        var b = folded.Length > 1 ? folded[1] : '\0';
        if (a < 128 && b < 128)
        {
            _starts[(a * 128) + b] = true;
        }
        else
        {
            _nonAsciiStart = true;
        }
    }

    private bool MayStart(ReadOnlySpan<char> text, int start, int length)
    {
        var a = Chars.Fold(text[start]);
        var b = length > 1 ? Chars.Fold(text[start + 1]) : '\0';
        return a < 128 && b < 128 ? _starts[(a * 128) + b] : _nonAsciiStart;
    }

    /// <summary>Whether the words of <paramref name="rest"/> follow position <paramref name="from"/>, separated by spaces or hyphens.</summary>
    private static bool Follows(ReadOnlySpan<char> text, int from, string[] rest, out int end)
    {
        end = from;
        Span<char> folded = stackalloc char[MaxWord];
        var i = from;
        foreach (var next in rest)
        {
            if (!TryWord(text, ref i, out var start, out var length) || length != next.Length || start - end > 2)
            {
                return false;
            }

            Fold(text.Slice(start, length), folded);
            if (!folded[..length].SequenceEqual(next))
            {
                return false;
            }

            end = start + length;
        }

        return true;
    }

    private static bool TryWord(ReadOnlySpan<char> text, ref int i, out int start, out int length)
    {
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            i++;
        }

        length = i - start;
        return length > 0;
    }

    private static void Fold(ReadOnlySpan<char> word, Span<char> into)
    {
        for (var k = 0; k < word.Length; k++)
        {
            into[k] = Chars.Fold(word[k]);
        }
    }
}
