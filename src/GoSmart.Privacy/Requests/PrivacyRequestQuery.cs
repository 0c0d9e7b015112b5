namespace GoSmart.Privacy;

/// <summary>Which requests to list. Every filter left <see langword="null"/> matches everything.</summary>
public sealed record PrivacyRequestQuery
{
    /// <summary>Gets the tenant to list.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets the subject to list (within <see cref="TenantId"/> when both are set).</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the status to list.</summary>
    public PrivacyRequestStatus? Status { get; init; }

    /// <summary>Gets the kind to list.</summary>
    public PrivacyRequestKind? Kind { get; init; }

    /// <summary>Gets a time: when set, only requests open after their deadline at that time are listed.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>Whether <paramref name="request"/> matches the query.</summary>
    /// <param name="request">A request.</param>
    /// <returns><see langword="true"/> when every set filter matches.</returns>
    public bool Matches(PrivacyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (TenantId is null || request.Subject.TenantId == TenantId)
            && (SubjectId is null || request.Subject.SubjectId == SubjectId)
            && (Status is null || request.Status == Status)
            && (Kind is null || request.Kind == Kind)
            && (OverdueAt is null || request.IsOverdue(OverdueAt.Value));
    }
}
