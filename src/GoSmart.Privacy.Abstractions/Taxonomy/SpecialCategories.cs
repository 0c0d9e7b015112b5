namespace GoSmart.Privacy;

/// <summary>Facts about each <see cref="SpecialCategory"/>: its category key and the GDPR article it comes from.</summary>
public static class SpecialCategories
{
    /// <summary>Returns the data-category key used for members of <paramref name="category"/>.</summary>
    /// <param name="category">The special category.</param>
    /// <returns>A key from <see cref="DataCategories"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined special category.</exception>
    public static string CategoryKey(SpecialCategory category) =>
        Rules.SpecialCategoryKeys.For((int)category)
        ?? throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined SpecialCategory value.");

    /// <summary>Returns the GDPR article that makes <paramref name="category"/> special, e.g. <c>Art. 9(1)</c>.</summary>
    /// <param name="category">The special category.</param>
    /// <returns>The article reference.</returns>
    public static string Article(SpecialCategory category) => category switch
    {
        SpecialCategory.CriminalConvictions => "Art. 10",
        SpecialCategory.GovernmentIdentifier => "Art. 87",
        _ when Enum.IsDefined(category) => "Art. 9(1)",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined SpecialCategory value."),
    };
}
