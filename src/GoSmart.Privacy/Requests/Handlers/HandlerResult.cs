namespace GoSmart.Privacy;

/// <summary>What one handler did for a request. Counts only: no personal data.</summary>
/// <param name="Changed">Values erased, masked, hashed or generalized (erasure).</param>
/// <param name="Retained">Values kept under an exemption (erasure).</param>
/// <param name="NotWritable">Values that could not be written (erasure).</param>
/// <param name="Deleted">Records deleted outright (erasure).</param>
/// <param name="Applied">Records exported (access) or corrections applied (rectification), or restrictions recorded.</param>
/// <param name="Exemptions">The retained values per exemption.</param>
/// <param name="RecipientsNotified">Recipients told about the erasure or correction (Art. 19).</param>
public sealed record HandlerResult(int Changed, int Retained, int NotWritable, int Deleted, int Applied, IReadOnlyList<ExemptionCount> Exemptions, IReadOnlyList<string> RecipientsNotified)
{
    /// <summary>Gets a result of a handler that found nothing.</summary>
    public static HandlerResult Empty { get; } = new(0, 0, 0, 0, 0, [], []);

    /// <summary>Gets, for an automated-decision review (Art. 22), the reviewer's outcome; otherwise <see langword="null"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>
    /// Gets, for an erasure step a legal hold blocked, the holds that blocked it: the handler did not run, and the area
    /// is reported under <see cref="ErasureExemption.LegalHold"/>. <see langword="null"/> otherwise (and then not stored,
    /// so results written before legal holds existed read back unchanged).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? HeldBy { get; init; }

    /// <summary>Gets whether a legal hold blocked the step (see <see cref="HeldBy"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHeld => HeldBy is { Count: > 0 };

    /// <summary>The result of an erasure step held by <paramref name="holds"/>: one area kept under <see cref="ErasureExemption.LegalHold"/>.</summary>
    /// <param name="holds">The holds.</param>
    /// <returns>The result.</returns>
    public static HandlerResult Held(IEnumerable<Guid> holds) =>
        Empty with { Exemptions = [new ExemptionCount(ErasureExemption.LegalHold, 1)], HeldBy = [.. holds.Order()] };
}
