namespace GoSmart.Privacy;

/// <summary>What redaction did to one member of a plan.</summary>
/// <param name="Path">The member's path (see <see cref="PersonalMember.Path"/>).</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Exemption">The exemption a retained member was kept under; <see cref="ErasureExemption.None"/> otherwise.</param>
/// <param name="Count">How many non-null values the strategy met (more than one through collections).</param>
public readonly record struct RedactionEntry(string Path, RedactionOutcome Outcome, ErasureExemption Exemption, int Count);
