using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>A tagged member holding one scalar value.</summary>
internal sealed class ScalarMemberNode<T> : MemberNode
{
    private readonly Func<object, T> _get;
    private readonly Action<Utf8JsonWriter, T> _writeValue;
    private readonly Action<object, RedactionContext, RedactionReport>? _redact;
    private readonly ScalarOps<T> _disclose;
    private readonly bool _isSubjectId;
    private readonly FreeTextMember? _freeText;

    /// <param name="jsonName">The exported name.</param>
    /// <param name="get">Reads the member.</param>
    /// <param name="writeValue">Writes a value as JSON.</param>
    /// <param name="redact">The member's whole redaction, compiled; <see langword="null"/> for a subject id, which is never redacted.</param>
    /// <param name="disclose">The strategy a disclosed value passes through (a retained member's is erasure).</param>
    /// <param name="isSubjectId">Whether the member is a subject id: disclosed as a pseudonym.</param>
    /// <param name="freeText">For a <see cref="FreeTextAttribute"/> string, how erasure rewrites it in someone else's part.</param>
    public ScalarMemberNode(string jsonName, Func<object, T> get, Action<Utf8JsonWriter, T> writeValue, Action<object, RedactionContext, RedactionReport>? redact, ScalarOps<T> disclose, bool isSubjectId, FreeTextMember? freeText)
        : base(jsonName)
    {
        _freeText = freeText;
        _get = get;
        _writeValue = writeValue;
        _redact = redact;
        _disclose = disclose;
        _isSubjectId = isSubjectId;
    }

    public override void Write(Utf8JsonWriter writer, object owner, in WalkState state)
    {
        writer.WritePropertyName(JsonName);
        var value = _get(owner);
        if (!state.Discloses || !state.Applies || !_disclose.HasValue(value))
        {
            _writeValue(writer, value);
        }
        else if (_isSubjectId)
        {
            writer.WriteStringValue(state.Context.Pseudonymize(SubjectRef.Format(value!)));
        }
        else if (_freeText is not null && value is string text && state.Context.DisclosureFreeText is { } rewriter)
        {
            writer.WriteStringValue(rewriter.Rewrite(text)); // another person's words, with what they say about third parties masked
        }
        else
        {
            _writeValue(writer, _disclose.Apply(value, state.Context));
        }
    }

    public override FreeTextMember? FreeText => _freeText;

    public override void Redact(object owner, in WalkState state) => _redact?.Invoke(owner, state.Context, state.Report);
}
