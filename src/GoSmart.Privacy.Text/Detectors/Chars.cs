using System.Globalization;
using System.Text;

namespace GoSmart.Privacy.Text.Detectors;

/// <summary>Character classes and folding (lower case, no diacritics) without allocating.</summary>
internal static class Chars
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>A letter of a word (any script), or an apostrophe inside one.</summary>
    public static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '\u0301';

    /// <summary>Lower case without diacritics: <c>É</c> → <c>e</c>, <c>ü</c> → <c>u</c>.</summary>
    public static char Fold(char c) => c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>Whether the folded <paramref name="text"/> contains <paramref name="folded"/> as whole words.</summary>
    public static bool ContainsWords(ReadOnlySpan<char> text, ReadOnlySpan<char> folded)
    {
        for (var i = 0; i + folded.Length <= text.Length; i++)
        {
            if ((i > 0 && IsWord(text[i - 1])) || (i + folded.Length < text.Length && IsWord(text[i + folded.Length])))
            {
                continue;
            }

            var match = true;
            for (var j = 0; j < folded.Length && match; j++)
            {
                match = Fold(text[i + j]) == folded[j];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds a whole string (used when word lists are loaded).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Fold(c));
        }

        return builder.ToString();
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[c] = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : lower;
        }

        return table;
    }
}
