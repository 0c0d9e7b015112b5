using Microsoft.Extensions.Compliance.Classification;

namespace GoSmart.Privacy;

/// <summary>
/// Marks the member that identifies whose data a record is (a <see cref="Guid"/>, <see cref="string"/>,
/// <see cref="long"/> or <see cref="int"/>). A type has at most one.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class DataSubjectIdAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    public DataSubjectIdAttribute()
        : base(PrivacyClassifications.SubjectId)
    {
    }
}
