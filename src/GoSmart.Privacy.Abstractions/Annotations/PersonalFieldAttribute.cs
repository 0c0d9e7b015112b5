namespace GoSmart.Privacy;

/// <summary>
/// Marks a property, field or parameter as personal data of a data category, e.g.
/// <c>[PersonalField(DataCategories.ContactEmail)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class PersonalFieldAttribute : PrivacyFieldAttribute
{
    /// <summary>
    /// Initializes the attribute for personal data of no more specific category (<see cref="DataCategories.User"/>).
    /// Prefer a specific key; this form exists so that Microsoft's logging generator, which creates
    /// classification attributes without arguments, can redact a tagged log parameter.
    /// </summary>
    public PersonalFieldAttribute()
        : this(DataCategories.User)
    {
    }

    /// <summary>Initializes the attribute.</summary>
    /// <param name="category">A dotted lower-case data-category key, usually a <see cref="DataCategories"/> constant.</param>
    public PersonalFieldAttribute(string category)
        : base(PrivacyClassifications.Personal)
    {
        Category = category;
    }

    /// <summary>Gets the data-category key.</summary>
    public string Category { get; }
}
