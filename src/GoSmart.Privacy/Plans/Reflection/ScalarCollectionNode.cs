using System.Text.Json;
using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>
/// A tagged member holding an array, collection or string-keyed dictionary of scalars. Erase empties it;
/// other strategies transform each element in place.
/// </summary>
internal sealed class ScalarCollectionNode<T> : MemberNode
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?>? _set;
    private readonly bool _canHoldArray;
    private readonly ContainerKind _kind;
    private readonly ScalarOps<T> _ops;
    private readonly int _index;
    private readonly ErasureStrategy _strategy;

    public ScalarCollectionNode(string jsonName, Func<object, object?> get, Action<object, object?>? set, bool canHoldArray, ContainerKind kind, ScalarOps<T> ops, int index, ErasureStrategy strategy)
        : base(jsonName)
    {
        _get = get;
        _set = set;
        _canHoldArray = canHoldArray;
        _kind = kind;
        _ops = ops;
        _index = index;
        _strategy = strategy;
    }

    public override void Write(Utf8JsonWriter writer, object owner, in WalkState state)
    {
        writer.WritePropertyName(JsonName);
        var values = _get(owner);
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (state.Discloses && state.Applies)
        {
            WriteDisclosed(writer, values, state.Context);
            return;
        }

        if (_kind == ContainerKind.Dictionary)
        {
            writer.WriteStartObject();
            foreach (var pair in (IEnumerable<KeyValuePair<string, T>>)values)
            {
                writer.WritePropertyName(pair.Key);
                _ops.Write(writer, pair.Value);
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray();
        if (values is T[] array)
        {
            foreach (var value in array)
            {
                _ops.Write(writer, value);
            }
        }
        else if (values is List<T> items)
        {
            foreach (var value in items)
            {
                _ops.Write(writer, value);
            }
        }
        else if (values is IList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                _ops.Write(writer, list[i]);
            }
        }
        else
        {
            foreach (var value in (IEnumerable<T>)values)
            {
                _ops.Write(writer, value);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the collection as redaction would leave it: empty when erased or retained, each element through the strategy otherwise.</summary>
    private void WriteDisclosed(Utf8JsonWriter writer, object values, RedactionContext context)
    {
        var emptied = _strategy is ErasureStrategy.Erase or ErasureStrategy.Retain;
        if (_kind == ContainerKind.Dictionary)
        {
            writer.WriteStartObject();
            if (!emptied)
            {
                foreach (var pair in (IEnumerable<KeyValuePair<string, T>>)values)
                {
                    writer.WritePropertyName(pair.Key);
                    _ops.Write(writer, _ops.HasValue(pair.Value) ? _ops.Apply(pair.Value, context) : pair.Value);
                }
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray();
        if (!emptied)
        {
            foreach (var value in (IEnumerable<T>)values)
            {
                _ops.Write(writer, _ops.HasValue(value) ? _ops.Apply(value, context) : value);
            }
        }

        writer.WriteEndArray();
    }

    public override void Redact(object owner, in WalkState state)
    {
        var values = _get(owner);
        if (values is null)
        {
            return;
        }

        var count = CountValues(values);
        state.Report.Record(_index, count);
        if (_strategy == ErasureStrategy.Retain || count == 0)
        {
            return;
        }

        var written = _strategy == ErasureStrategy.Erase ? Empty(owner, values) : CollectionRedaction.TransformEach(values, _ops.Apply, state.Context);
        if (!written)
        {
            state.Report.RecordNotWritable(_index);
        }
    }

    private int CountValues(object values)
    {
        var count = 0;
        if (_kind == ContainerKind.Dictionary)
        {
            foreach (var pair in (IEnumerable<KeyValuePair<string, T>>)values)
            {
                count += _ops.HasValue(pair.Value) ? 1 : 0;
            }
        }
        else if (values is T[] array)
        {
            foreach (var value in array)
            {
                count += _ops.HasValue(value) ? 1 : 0;
            }
        }
        else if (values is List<T> items)
        {
            foreach (var value in items)
            {
                count += _ops.HasValue(value) ? 1 : 0;
            }
        }
        else if (values is IList<T> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                count += _ops.HasValue(list[i]) ? 1 : 0;
            }
        }
        else
        {
            foreach (var value in (IEnumerable<T>)values)
            {
                count += _ops.HasValue(value) ? 1 : 0;
            }
        }

        return count;
    }

    private bool Empty(object owner, object values)
    {
        switch (CollectionRedaction.Empty<T>(values, _set is not null && _canHoldArray))
        {
            case CollectionErasure.ReplaceWithEmptyArray:
                _set!(owner, Array.Empty<T>());
                return true;
            case CollectionErasure.Emptied:
                return true;
            default:
                return false;
        }
    }
}
