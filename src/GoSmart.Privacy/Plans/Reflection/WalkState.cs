namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>
/// State of one export or redaction walk. <see cref="Seen"/> exists only for plans whose type graph is
/// recursive: there an object already on the export path is written as <c>null</c> and an object
/// already redacted is not visited again, so a reference cycle never loops. <see cref="Applies"/> says
/// whether the strategies of the current object's own members apply (see <see cref="RedactionContext.Applies"/>).
/// </summary>
internal readonly struct WalkState
{
    public WalkState(HashSet<object>? seen, RedactionContext? context = null, RedactionReport? report = null, bool applies = true)
    {
        Seen = seen;
        Context = context!;
        Report = report!;
        Applies = applies;
    }

    /// <summary>Gets whether the current object's own members are redacted: the object belongs to a subject the context redacts.</summary>
    public bool Applies { get; }

    /// <summary>Gets whether a write discloses (writes values as redaction would leave them): a write walk with a context.</summary>
    public bool Discloses => Context is not null;

    /// <summary>The state for a nested object owned by <paramref name="applies"/>'s decision.</summary>
    /// <param name="applies">Whether the nested object's own members are redacted.</param>
    /// <returns>The state.</returns>
    public WalkState Owned(bool applies) => applies == Applies ? this : new WalkState(Seen, Context, Report, applies);

    public RedactionContext Context { get; }

    public RedactionReport Report { get; }

    public HashSet<object>? Seen { get; }
}
