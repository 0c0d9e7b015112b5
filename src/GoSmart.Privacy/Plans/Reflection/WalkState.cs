namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>
/// State of one export or redaction walk. <see cref="Seen"/> exists only for plans whose type graph is
/// recursive: there an object already on the export path is written as <c>null</c> and an object
/// already redacted is not visited again, so a reference cycle never loops.
/// </summary>
internal readonly struct WalkState
{
    public WalkState(HashSet<object>? seen, RedactionContext? context = null, RedactionReport? report = null)
    {
        Seen = seen;
        Context = context!;
        Report = report!;
    }

    public RedactionContext Context { get; }

    public RedactionReport Report { get; }

    public HashSet<object>? Seen { get; }
}
