using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>An untagged member whose type holds tagged members: exported as a nested object, redacted through.</summary>
internal sealed class NestedMemberNode : MemberNode
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?>? _set;
    private readonly bool _isValueType;

    public NestedMemberNode(string jsonName, Func<object, object?> get, Action<object, object?>? set, TypeNode child)
        : base(jsonName)
    {
        _get = get;
        _set = set;
        Child = child;
        _isValueType = child.Type.IsValueType;
    }

    public TypeNode Child { get; }

    public override void Write(Utf8JsonWriter writer, object owner, in WalkState state)
    {
        writer.WritePropertyName(JsonName);
        Child.WriteNested(writer, _get(owner), state);
    }

    public override void Redact(object owner, in WalkState state)
    {
        var value = _get(owner);
        if (value is null)
        {
            return;
        }

        if (!_isValueType)
        {
            Child.RedactNested(value, state);
            return;
        }

        // A struct arrives boxed (a copy): redact the box, then write it back.
        var inner = Child.StateFor(value, state);
        Child.Redact(value, inner);
        if (_set is not null)
        {
            _set(owner, value);
        }
        else if (inner.Applies)
        {
            Child.MarkNotWritable(state.Report);
        }
    }
}
