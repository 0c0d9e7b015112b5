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
    private readonly Dictionary<string, List<(string[] Following, T Value)>> _stems = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string[] Following, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private Dictionary<string, List<(string[] Following, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private int _shortestStem = int.MaxValue;
    private readonly bool[] _stemLengths = new bool[MaxWord + 1];
    private readonly bool[] _starts = new bool[128 * 128];
    private readonly System.Collections.BitArray _stemStarts = new(128 * 128 * 128);
    private bool _nonAsciiStart;
    private bool _nonAsciiStem;

    public WordIndex()
    {
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Adds a word, a phrase (words separated by spaces) or a stem (<c>chemo*</c>, at least three letters before the
    /// <c>*</c>); any word of a phrase may be a stem (<c>empreinte* digitale*</c>).
    /// </summary>
    /// <returns><see langword="false"/> when the entry has no word in it.</returns>
    public bool Add(string entry, T value)
    {
        var tokens = Chars.Fold(entry.Trim()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return false;
        }

        var first = tokens[0];
        var isStem = IsStem(first);
        var key = isStem ? first[..^1] : first.TrimEnd('*');
        if (isStem)
        {
            _shortestStem = Math.Min(_shortestStem, key.Length);
            _stemLengths[Math.Min(key.Length, MaxWord)] = true;
            if (key[0] < 128 && key[1] < 128 && key[2] < 128)
            {
                _stemStarts[(((key[0] * 128) + key[1]) * 128) + key[2]] = true;
            }
            else
            {
                _nonAsciiStem = true;
            }
        }

        Starts(key);
        var entries = isStem ? _stems : _words;
        if (!entries.TryGetValue(key, out var list))
        {
            entries[key] = list = [];
        }

        list.Add((tokens[1..], value));
        list.Sort(static (a, b) => b.Following.Length.CompareTo(a.Following.Length)); // the longest phrase first
        return true;
    }

    private static bool IsStem(string token) => token.EndsWith('*') && token.Length > 3;

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
            if (_wordLookup.TryGetValue(word, out var entries) && Match(text, start, length, entries, ref findings, make, ref i))
            {
                continue;
            }

            if (length < _shortestStem || !MayStartStem(word))
            {
                continue; // no stem starts with these three letters
            }

            for (var n = Math.Min(length, MaxWord); n >= _shortestStem; n--)
            {
                if (_stemLengths[n] && _stemLookup.TryGetValue(word[..n], out var stemmed) && Match(text, start, length, stemmed, ref findings, make, ref i))
                {
                    break;
                }
            }
        }
    }

    /// <summary>The longest of <paramref name="entries"/> whose following words follow the word at <paramref name="start"/>, added as a finding.</summary>
    private static bool Match(ReadOnlySpan<char> text, int start, int length, List<(string[] Following, T Value)> entries, ref Findings findings, Func<int, int, T, TextFinding> make, ref int i)
    {
        foreach (var (rest, value) in entries)
        {
            if (Follows(text, start + length, rest, out var end))
            {
                findings.Add(make(start, end - start, value));
                i = end; // a phrase's words are not found again one by one
                return true;
            }
        }

        return false;
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

    private bool MayStartStem(ReadOnlySpan<char> folded) =>
        folded[0] < 128 && folded[1] < 128 && folded[2] < 128 ? _stemStarts[(((folded[0] * 128) + folded[1]) * 128) + folded[2]] : _nonAsciiStem;

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
            var stem = IsStem(next);
            var need = stem ? next.Length - 1 : next.Length;
            if (!TryWord(text, ref i, out var start, out var length) || (stem ? length < need : length != need) || length > MaxWord || start - end > 2)
            {
                return false;
            }

            Fold(text.Slice(start, length), folded);
            if (!folded[..need].SequenceEqual(next.AsSpan(0, need)))
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
