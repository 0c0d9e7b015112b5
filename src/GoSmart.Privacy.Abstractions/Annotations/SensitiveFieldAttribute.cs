namespace GoSmart.Privacy;

/// <summary>
/// Marks a property, field or parameter as personal data of a special category (GDPR Art. 9, 10 or 87),
/// e.g. <c>[SensitiveField(SpecialCategory.Health)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveFieldAttribute : PrivacyFieldAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="category">The special category of the member's data.</param>
    public SensitiveFieldAttribute(SpecialCategory category)
        : base(PrivacyClassifications.Sensitive)
    {
        Category = category;
    }

    /// <summary>Gets the special category.</summary>
    public SpecialCategory Category { get; }
}
