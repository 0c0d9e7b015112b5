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

    public MemberNode[] Members { get; set; } = [];

    /// <summary>Reads the subject id of a value of this type, when the type has a <see cref="DataSubjectIdAttribute"/> member.</summary>
    public Func<object, object?>? SubjectId { get; set; }

    /// <summary>Whether a nested value is the kept subject's own record (Art. 15(4)): redaction leaves it alone.</summary>
    public bool IsKept(object value, in WalkState state) =>
        SubjectId is not null && state.Context.KeptSubjectId is not null && state.Context.Keeps(SubjectId(value));

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
        foreach (var member in Members)
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

        WriteObject(writer, value, state);
        if (tracked)
        {
            state.Seen!.Remove(value);
        }
    }

    /// <summary>Redacts a nested reference-type value once per walk.</summary>
    public void RedactNested(object value, in WalkState state)
    {
        if (IsKept(value, state))
        {
            return;
        }

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
