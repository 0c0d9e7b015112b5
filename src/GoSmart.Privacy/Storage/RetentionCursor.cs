namespace GoSmart.Privacy.Storage;

/// <summary>
/// How far one rule has been swept in one handler's area: every record anchored before <see cref="DoneBefore"/> was
/// swept; a window in flight is leased to one instance and carries its progress and tallies, so a crash resumes it.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Handler">The handler.</param>
/// <param name="Version">Increases with every write (the store's optimistic check).</param>
public sealed record RetentionCursor(string Rule, string Handler, long Version)
{
    /// <summary>Gets the end of the last completed window, or <see langword="null"/> before the first.</summary>
    public DateTimeOffset? DoneBefore { get; init; }

    /// <summary>Gets the end of the window in flight, or <see langword="null"/>.</summary>
    public DateTimeOffset? InFlightBefore { get; init; }

    /// <summary>Gets the instance sweeping the window in flight.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets when the owner's lease ends; after it, another instance resumes the window.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Gets the window's progress, as its handler saved it.</summary>
    public string? Progress { get; init; }

    /// <summary>Gets the window's tallies so far.</summary>
    public RetentionSweepLine? Tallies { get; init; }
}
