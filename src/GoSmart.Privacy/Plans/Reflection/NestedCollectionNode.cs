using System.Collections;
using System.Text.Json;
using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>An untagged array, collection or string-keyed dictionary whose elements hold tagged members.</summary>
internal sealed class NestedCollectionNode : MemberNode
{
    private readonly Func<object, object?> _get;
    private readonly ContainerKind _kind;
    private readonly bool _isValueType;

    /// <param name="jsonName">The member's JSON name.</param>
    /// <param name="get">Reads the collection.</param>
    /// <param name="kind">Array, collection or dictionary.</param>
    /// <param name="elementType">The declared element type (a nullable struct is boxed as its struct, or null).</param>
    /// <param name="child">The element type's node.</param>
    public NestedCollectionNode(string jsonName, Func<object, object?> get, ContainerKind kind, Type elementType, TypeNode child)
        : base(jsonName)
    {
        _get = get;
        _kind = kind;
        Child = child;
        _isValueType = child.Type.IsValueType;
        DictionaryEntries = typeof(NestedCollectionNode).GetMethod(nameof(Entries), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(elementType).CreateDelegate<Func<object, IEnumerable<(string Key, object? Value)>>>();
    }

    private Func<object, IEnumerable<(string Key, object? Value)>> DictionaryEntries { get; }

    public TypeNode Child { get; }

    public override void Write(Utf8JsonWriter writer, object owner, in WalkState state)
    {
        writer.WritePropertyName(JsonName);
        var values = _get(owner);
        if (values is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (_kind == ContainerKind.Dictionary)
        {
            writer.WriteStartObject();
            foreach (var (key, value) in DictionaryEntries(values))
            {
                writer.WritePropertyName(key);
                Child.WriteNested(writer, value, state);
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray();
        if (values is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Child.WriteNested(writer, list[i], state);
            }
        }
        else
        {
            foreach (var value in (IEnumerable)values)
            {
                Child.WriteNested(writer, value, state);
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

        if (!_isValueType && _kind != ContainerKind.Dictionary && values is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is { } element)
                {
                    Child.RedactNested(element, state);
                }
            }

            return;
        }

        if (!_isValueType)
        {
            IEnumerable elements = _kind == ContainerKind.Dictionary ? DictionaryEntries(values).Select(e => e.Value) : (IEnumerable)values;
            foreach (var element in elements)
            {
                if (element is not null)
                {
                    Child.RedactNested(element, state);
                }
            }

            return;
        }

        // Struct elements arrive boxed: each box is redacted and stored back.
        var walk = state;
        if (!CollectionRedaction.RedactStructElements(values, box => Child.Redact(box, Child.StateFor(box, walk))) && state.Applies)
        {
            Child.MarkNotWritable(state.Report);
        }
    }

    private static IEnumerable<(string Key, object? Value)> Entries<TValue>(object values)
    {
        foreach (var pair in (IEnumerable<KeyValuePair<string, TValue>>)values)
        {
            yield return (pair.Key, pair.Value);
        }
    }
}
