namespace GoSmart.Privacy;

/// <summary>
/// Thrown when a type's tags break a rule: an invalid category key, <c>Retain</c> without an exemption, two
/// <see cref="DataSubjectIdAttribute"/> members, a strategy that does not fit its member's type, and the like.
/// The message names each type, member and fix.
/// </summary>
public sealed class InvalidPrivacyAnnotationException : PrivacyException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entityType">The type whose plan could not be built.</param>
    /// <param name="violations">Every rule it breaks.</param>
    public InvalidPrivacyAnnotationException(Type entityType, IReadOnlyList<PrivacyAnnotationViolation> violations)
        : base(Format(entityType, violations))
    {
        EntityType = entityType;
        Violations = violations;
    }

    /// <summary>Gets the type whose plan could not be built.</summary>
    public Type EntityType { get; }

    /// <summary>Gets every rule the type's tags break: the errors, then the warnings (<see cref="PrivacyAnnotationViolation.IsError"/>) that the analyzers report too.</summary>
    public IReadOnlyList<PrivacyAnnotationViolation> Violations { get; }

    private static string Format(Type entityType, IReadOnlyList<PrivacyAnnotationViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(violations);
        var lines = violations.Select(v => $"  {v.DiagnosticId}{(v.IsError ? string.Empty : " (warning)")}: {v.Message}");
        return $"The personal-data plan of '{entityType.FullName}' cannot be built; fix its annotations:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
