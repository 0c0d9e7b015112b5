using Microsoft.Extensions.Compliance.Classification;

namespace GoSmart.Privacy;

/// <summary>
/// The <see cref="DataClassification"/> values the SDK's attributes carry, so that
/// Microsoft.Extensions.Compliance redaction and logging see tagged members as they are.
/// </summary>
public static class PrivacyClassifications
{
    /// <summary>The taxonomy name of every classification below.</summary>
    public const string TaxonomyName = "GoSmart.Privacy";

    /// <summary>Personal data (<see cref="PersonalFieldAttribute"/>).</summary>
    public static DataClassification Personal { get; } = new(TaxonomyName, "Personal");

    /// <summary>Special-category personal data (<see cref="SensitiveFieldAttribute"/>).</summary>
    public static DataClassification Sensitive { get; } = new(TaxonomyName, "Sensitive");

    /// <summary>The identifier of a data subject (<see cref="DataSubjectIdAttribute"/>).</summary>
    public static DataClassification SubjectId { get; } = new(TaxonomyName, "SubjectId");

    /// <summary>
    /// Gets the classification of free text — a chat message, a note — whose content may hold personal data anywhere in it.
    /// The text scanner's <c>FreeTextRedactor</c> redacts what it finds inside, leaving the rest readable.
    /// </summary>
    public static DataClassification FreeText { get; } = new(TaxonomyName, "FreeText");
}
