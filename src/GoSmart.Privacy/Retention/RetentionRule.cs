namespace GoSmart.Privacy;

/// <summary>What a <see cref="RetentionRule"/> applies to.</summary>
public enum RetentionScope
{
    /// <summary>Every member of a data category (<c>user.financial</c>), wherever it is tagged.</summary>
    Category = 0,

    /// <summary>Data processed for a purpose (a consent or disclosed purpose key).</summary>
    Purpose = 1,

    /// <summary>The records of a tagged type, by full name.</summary>
    Entity = 2,

    /// <summary>The records one handler reaches, by its name.</summary>
    Handler = 3,
}

/// <summary>What happens to data when its period ends.</summary>
public enum RetentionAction
{
    /// <summary>Each member's erasure strategy from the plan is applied (erase, hash, mask, generalise), exemptions reported.</summary>
    ApplyPlan = 0,

    /// <summary>The record is deleted.</summary>
    DeleteRecord = 1,
}

/// <summary>
/// One retention rule of the privacy policy (§6): data in <see cref="Scope"/> is kept for <see cref="Period"/> after the
/// host's <see cref="Anchor"/> event, for <see cref="LegalReason"/>, then <see cref="Action"/> is applied. The same rules
/// are the retention periods every access package discloses (Art. 15(1)(d)): one source.
/// </summary>
public sealed record RetentionRule
{
    /// <summary>Gets the rule's stable name, e.g. <c>invoices</c>: it names the rule in sweeps and audit events.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the rule applies to.</summary>
    public required RetentionScope Scope { get; init; }

    /// <summary>Gets the category key, purpose key, entity type's full name or handler name the rule applies to.</summary>
    public required string Target { get; init; }

    /// <summary>Gets the host's event the period runs from, e.g. <c>account closed</c>, <c>last invoice</c>, <c>last sign-in</c>, <c>collection</c>.</summary>
    public required string Anchor { get; init; }

    /// <summary>
    /// Gets the member of the records that holds the anchor's time (a <c>DateTime</c> in UTC or a <c>DateTimeOffset</c>,
    /// nullable when the event may not have happened yet), e.g. <c>ClosedAt</c> or <c>LastSignInAt</c>. The EF Core
    /// handlers sweep by it; a record whose anchor is empty has not started its period. Other handlers may read it too.
    /// </summary>
    public string? AnchorMember { get; init; }

    /// <summary>Gets how long the data is kept after <see cref="Anchor"/>.</summary>
    public required RetentionPeriod Period { get; init; }

    /// <summary>Gets what happens when the period ends (default: the plan's strategies).</summary>
    public RetentionAction Action { get; init; }

    /// <summary>Gets why the data is kept that long, e.g. <c>tax law: 7 years for accounting records</c>.</summary>
    public required string LegalReason { get; init; }

    /// <summary>Gets how the rule reads in an access package: what, how long after what, and why.</summary>
    public string Description => $"{Period} after {Anchor} ({LegalReason})";

    /// <summary>When data whose anchor event happened at <paramref name="anchoredAt"/> expires: the end of the period's last day in <paramref name="zone"/>.</summary>
    /// <param name="anchoredAt">When the anchor event happened.</param>
    /// <param name="zone">The controller's time zone (<see cref="PrivacyOptions.ControllerTimeZone"/>).</param>
    /// <returns>The last instant the data may be kept.</returns>
    public DateTimeOffset ExpiresAt(DateTimeOffset anchoredAt, TimeZoneInfo zone) =>
        Retention.CalendarPeriods.EndOfDayAfter(anchoredAt, Period.Length, Period.Unit, zone);

    /// <summary>Whether data anchored at <paramref name="anchoredAt"/> has outlived the rule at <paramref name="now"/>.</summary>
    /// <param name="anchoredAt">When the anchor event happened.</param>
    /// <param name="now">The current time (from <see cref="TimeProvider"/>).</param>
    /// <param name="zone">The controller's time zone.</param>
    /// <returns><see langword="true"/> once the period's last day has ended.</returns>
    public bool IsExpired(DateTimeOffset anchoredAt, DateTimeOffset now, TimeZoneInfo zone) => now > ExpiresAt(anchoredAt, zone);

    /// <summary>
    /// Gets the instant before which an anchor has expired at <paramref name="now"/>: the records a sweep applies the
    /// rule to are those anchored before it (one range condition a handler can query).
    /// </summary>
    /// <param name="now">The time of the sweep.</param>
    /// <param name="zone">The controller's time zone.</param>
    /// <returns>The instant.</returns>
    public DateTimeOffset ExpiredBefore(DateTimeOffset now, TimeZoneInfo zone) => Retention.CalendarPeriods.ExpiredBefore(now, Period.Length, Period.Unit, zone);
}
