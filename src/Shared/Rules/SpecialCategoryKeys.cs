namespace GoSmart.Privacy.Rules;

/// <summary>The data-category key of each special category, indexed by the <c>SpecialCategory</c> value (1–10).</summary>
internal static class SpecialCategoryKeys
{
    private static readonly string[] Keys =
    {
        string.Empty,
        "user.demographic.race_ethnicity",
        "user.demographic.political_opinion",
        "user.demographic.religious_belief",
        "user.demographic.trade_union_membership",
        "user.health_and_medical.genetic",
        "user.biometric",
        "user.health_and_medical",
        "user.demographic.sexual_orientation",
        "user.criminal_history",
        "user.government_id",
    };

    /// <summary>Returns the key, or <see langword="null"/> for a value that is not a special category.</summary>
    public static string? For(int value) => value > 0 && value < Keys.Length ? Keys[value] : null;
}
