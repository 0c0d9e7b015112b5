namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>How the erasure handler of one entity type erases a subject's rows.</summary>
public enum EntityErasureMode
{
    /// <summary>
    /// Anonymise in place: one set-based <c>ExecuteUpdate</c> when every member erases to a constant (no <c>Hash</c>,
    /// <c>Mask</c> or <c>Generalize</c>, nothing nested), otherwise key-ordered batches through the change tracker.
    /// </summary>
    Anonymise = 0,

    /// <summary>Anonymise in place, always through the change tracker in key-ordered batches (never set-based).</summary>
    AnonymiseTracked,

    /// <summary>
    /// Delete the subject's own rows (their required dependents first, in foreign-key order). A row whose plan retains
    /// a member under an exemption is kept and anonymised instead, and another person's row that holds the subject's
    /// parts is only anonymised.
    /// </summary>
    Delete,
}
