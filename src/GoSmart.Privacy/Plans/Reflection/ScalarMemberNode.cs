using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A tagged member holding one scalar value.</summary>
internal sealed class ScalarMemberNode<T> : MemberNode
{
    private readonly Func<object, T> _get;
    private readonly Action<Utf8JsonWriter, T> _writeValue;
    private readonly Action<object, RedactionContext, RedactionReport>? _redact;

    /// <param name="jsonName">The exported name.</param>
    /// <param name="get">Reads the member.</param>
    /// <param name="writeValue">Writes a value as JSON.</param>
    /// <param name="redact">The member's whole redaction, compiled; <see langword="null"/> for a subject id, which is never redacted.</param>
    public ScalarMemberNode(string jsonName, Func<object, T> get, Action<Utf8JsonWriter, T> writeValue, Action<object, RedactionContext, RedactionReport>? redact)
        : base(jsonName)
    {
        _get = get;
        _writeValue = writeValue;
        _redact = redact;
    }

    public override void Write(Utf8JsonWriter writer, object owner, in WalkState state)
    {
        writer.WritePropertyName(JsonName);
        _writeValue(writer, _get(owner));
    }

    public override void Redact(object owner, in WalkState state) => _redact?.Invoke(owner, state.Context, state.Report);
}
