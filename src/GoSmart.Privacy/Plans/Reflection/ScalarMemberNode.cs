using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A tagged member holding one scalar value.</summary>
internal sealed class ScalarMemberNode<T> : MemberNode
{
    private readonly Func<object, T> _get;
    private readonly Action<object, T>? _set;
    private readonly ScalarOps<T> _ops;
    private readonly int _index;
    private readonly bool _retain;
    private readonly bool _subjectId;

    public ScalarMemberNode(string jsonName, Func<object, T> get, Action<object, T>? set, ScalarOps<T> ops, int index, bool retain, bool subjectId)
        : base(jsonName)
    {
        _get = get;
        _set = set;
        _ops = ops;
        _index = index;
        _retain = retain;
        _subjectId = subjectId;
    }

    public override void Write(Utf8JsonWriter writer, object owner, WalkState state)
    {
        writer.WritePropertyName(JsonName);
        _ops.Write(writer, _get(owner));
    }

    public override void Redact(object owner, WalkState state)
    {
        if (_subjectId)
        {
            return;
        }

        var value = _get(owner);
        if (!_ops.HasValue(value))
        {
            return;
        }

        state.Report.Record(_index);
        if (_retain)
        {
            return;
        }

        var redacted = _ops.Apply(value, state.Context);
        if (_set is not null)
        {
            _set(owner, redacted);
        }
        else if (!EqualityComparer<T>.Default.Equals(value, redacted))
        {
            state.Report.RecordNotWritable(_index);
        }
    }
}
