using Microsoft.Extensions.Compliance.Classification;

namespace GoSmart.Privacy;

/// <summary>States that a member is deliberately not personal data, so that the analyzers stop asking.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class NotPersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public NotPersonalDataAttribute()
        : base(DataClassification.None)
    {
    }

    /// <summary>Gets or sets why the member is not personal data, for reviewers.</summary>
    public string? Reason { get; set; }
}
