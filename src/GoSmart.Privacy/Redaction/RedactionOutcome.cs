namespace GoSmart.Privacy;

/// <summary>What redaction did to a member.</summary>
public enum RedactionOutcome
{
    /// <summary>The value was removed (<see cref="ErasureStrategy.Erase"/>).</summary>
    Erased = 0,

    /// <summary>The value was masked (<see cref="ErasureStrategy.Mask"/>).</summary>
    Masked = 1,

    /// <summary>The value was replaced by a keyed pseudonym (<see cref="ErasureStrategy.Hash"/>).</summary>
    Hashed = 2,

    /// <summary>The value was coarsened (<see cref="ErasureStrategy.Generalize"/>).</summary>
    Generalized = 3,

    /// <summary>The value was kept under an exemption (<see cref="ErasureStrategy.Retain"/>).</summary>
    Retained = 4,

    /// <summary>The strategy could not be applied because the member cannot be written; the value is still there.</summary>
    NotWritable = 5,

    /// <summary>
    /// Mentions of the erased subject inside someone else's <see cref="FreeTextAttribute"/> text were replaced by a
    /// pseudonym (<c>[user-1]</c>); the rest of that text is theirs and stays.
    /// </summary>
    Pseudonymized = 6,
}
