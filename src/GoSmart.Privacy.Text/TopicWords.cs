namespace GoSmart.Privacy.Text;

/// <summary>
/// Words and phrases of one special category in one language. Matching is whole-word, case- and diacritic-insensitive; a
/// word ending in <c>*</c> matches as a stem (<c>diabet*</c>: diabetes, diabetic). A language is added by data: a list per
/// category, in code or in a JSON file of the same shape as the built-in ones.
/// </summary>
/// <param name="Language">The language code, e.g. <c>en</c>, <c>de</c>.</param>
/// <param name="Category">The special category (Art. 9, or Art. 10 criminal convictions).</param>
/// <param name="Words">The words and phrases.</param>
public sealed record TopicWords(string Language, SpecialCategory Category, IReadOnlyList<string> Words);
