using System.Globalization;

namespace GoSmart.Privacy;

/// <summary>
/// Whom a request is about and on whose behalf it runs: the tenant (the Go Smart customer account — Go Smart is
/// controller for its own customers and processor for their Subscribers), the subject's id in that tenant, and
/// the kind of subject. Handlers only touch the tenant's data.
/// </summary>
public sealed record SubjectRef
{
    /// <summary>The longest tenant or subject id accepted.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Creates a subject reference.</summary>
    /// <param name="tenantId">The tenant on whose behalf the request runs.</param>
    /// <param name="subjectId">The subject's id in that tenant (the value of its <see cref="DataSubjectIdAttribute"/> member, as text).</param>
    /// <param name="kind">The kind of subject.</param>
    /// <exception cref="PrivacyException">An id is empty, too long or the kind is not defined.</exception>
    public SubjectRef(string tenantId, string subjectId, DataSubjectKind kind = DataSubjectKind.Customer)
    {
        TenantId = Check(tenantId, "tenant id", "the tenant (customer account) on whose behalf the request runs");
        SubjectId = Check(subjectId, "subject id", "the subject's id, the value of its [DataSubjectId] member");
        if (!Enum.IsDefined(kind))
        {
            throw new PrivacyException($"'{(int)kind}' is not a DataSubjectKind. Use one of: {string.Join(", ", Enum.GetNames<DataSubjectKind>())}.");
        }

        Kind = kind;
    }

    /// <summary>Gets the tenant on whose behalf the request runs.</summary>
    public string TenantId { get; }

    /// <summary>Gets the subject's id in the tenant.</summary>
    public string SubjectId { get; }

    /// <summary>Gets the kind of subject.</summary>
    public DataSubjectKind Kind { get; }

    /// <summary>Whether <paramref name="subjectId"/> (a <see cref="Guid"/>, string, <see cref="long"/> or <see cref="int"/> read by a plan) is this subject's id.</summary>
    /// <param name="subjectId">A subject id as a plan reads it.</param>
    /// <returns><see langword="true"/> when it is this subject's.</returns>
    public bool Is(object? subjectId) => subjectId is not null && string.Equals(Format(subjectId), SubjectId, StringComparison.Ordinal);

    /// <summary>Formats a subject id as plans and requests compare it: GUIDs in the <c>D</c> format, numbers in the invariant culture.</summary>
    /// <param name="subjectId">The id.</param>
    /// <returns>The id as text.</returns>
    public static string Format(object subjectId) => subjectId switch
    {
        null => throw new ArgumentNullException(nameof(subjectId)),
        string s => s,
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => subjectId.ToString() ?? string.Empty,
    };

    /// <summary>Describes the reference without the subject id, so that it can be logged.</summary>
    /// <returns>The kind and tenant.</returns>
    public override string ToString() => $"{Kind} of tenant '{TenantId}'";

    private static string Check(string value, string what, string meaning)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PrivacyException($"The {what} is empty. Pass {meaning}.");
        }

        if (value.Length > MaxIdLength)
        {
            throw new PrivacyException($"The {what} is {value.Length} characters long; at most {MaxIdLength} are accepted. Pass {meaning}, not a document.");
        }

        return value;
    }
}
