using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A type as it appears at one place of a plan: its member nodes, with their indices into the plan's member list.</summary>
internal sealed class TypeNode
{
    public TypeNode(Type type)
    {
        Type = type;
    }

    public Type Type { get; }

    public MemberNode[] Members
    {
        get => _members;
        set
        {
            _members = value;
            _leaves = [.. value.Where(m => m is not (NestedMemberNode or NestedCollectionNode))];
            _nested = [.. value.Where(m => m is NestedMemberNode or NestedCollectionNode)];
            _freeText = [.. value.Select(m => m.FreeText).OfType<FreeTextMember>()];
        }
    }

    private MemberNode[] _members = [];
    private MemberNode[] _leaves = [];
    private MemberNode[] _nested = [];
    private FreeTextMember[] _freeText = [];

    /// <summary>Reads the subject id that owns a value of this type: its own <see cref="DataSubjectIdAttribute"/> member, or its nested owner's.</summary>
    public Func<object, object?>? SubjectId { get; set; }

    /// <summary>Gets or sets the path of <see cref="SubjectId"/> (<c>AuthorId</c>, or <c>U.Id</c> for a nested owner).</summary>
    public string? SubjectIdPath { get; set; }

    /// <summary>
    /// The walk state for a nested value of this type: a type with its own subject id is owned by that subject,
    /// and the context decides whether its members are redacted; a type without one belongs to its owner's owner.
    /// </summary>
    public WalkState StateFor(object value, in WalkState outer) =>
        SubjectId is null || outer.Context.RedactsEverything ? outer : outer.Owned(outer.Context.Applies(SubjectId(value)));

    /// <summary>Indices of every member this node reaches, for marking them when a struct cannot be written back.</summary>
    public List<int> ReachableIndices { get; } = [];

    public void WriteObject(Utf8JsonWriter writer, object value, in WalkState state)
    {
        writer.WriteStartObject();
        foreach (var member in Members)
        {
            member.Write(writer, value, state);
        }

        writer.WriteEndObject();
    }

    public void Redact(object value, in WalkState state)
    {
        if (state.Applies)
        {
            foreach (var member in _leaves)
            {
                member.Redact(value, state);
            }
        }
        else if (_freeText.Length > 0 && state.Context.ErasureFreeText is { } rewriter)
        {
            // Someone else's part: only the erased subject's mentions inside its free text change.
            foreach (var member in _freeText)
            {
                member.Rewrite(value, rewriter, state.Report);
            }
        }

        foreach (var member in _nested)
        {
            member.Redact(value, state);
        }
    }

    /// <summary>Writes a nested value: <c>null</c> for null and for an object already on the path (a cycle).</summary>
    public void WriteNested(Utf8JsonWriter writer, object? value, in WalkState state)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var tracked = state.Seen is not null && !Type.IsValueType;
        if (tracked && !state.Seen!.Add(value))
        {
            writer.WriteNullValue();
            return;
        }

        WriteObject(writer, value, state.Discloses ? StateFor(value, state) : state);
        if (tracked)
        {
            state.Seen!.Remove(value);
        }
    }

    /// <summary>Redacts a nested reference-type value once per walk, with the state of its owner (<see cref="StateFor"/>).</summary>
    public void RedactNested(object value, in WalkState outer)
    {
        var state = StateFor(value, outer);
        if (state.Seen is not null && !Type.IsValueType && !state.Seen.Add(value))
        {
            return;
        }

        Redact(value, state);
    }

    public void MarkNotWritable(RedactionReport report)
    {
        foreach (var index in ReachableIndices)
        {
            report.RecordNotWritable(index);
        }
    }
}
