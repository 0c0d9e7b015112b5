using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>One member of a <see cref="TypeNode"/>: writes itself into the owner's JSON object and redacts itself in the owner.</summary>
internal abstract class MemberNode
{
    protected MemberNode(string jsonName)
    {
        JsonName = JsonEncodedText.Encode(jsonName);
    }

    public JsonEncodedText JsonName { get; }

    public abstract void Write(Utf8JsonWriter writer, object owner, in WalkState state);

    public abstract void Redact(object owner, in WalkState state);

    /// <summary>Gets the member's free-text rewrite, for a <see cref="FreeTextAttribute"/> string; otherwise <see langword="null"/>.</summary>
    public virtual FreeTextMember? FreeText => null;
}
