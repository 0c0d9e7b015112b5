namespace GoSmart.Privacy.AspNetCore;

/// <summary>What kind of value a person types into a correction field, in their language, with an example.</summary>
internal static class CenterTypes
{
    /// <summary>"a whole number, e.g. 42", in the page's language (<c>Type.{kind}</c> of <see cref="TextValues.KindOf"/>); an enumeration lists its names.</summary>
    public static string Describe(Type type, CenterPage page) => TextValues.KindOf(type) is var kind && kind == "OneOf"
        ? page.T("Type.OneOf", string.Join(", ", Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type)))
        : page.T("Type." + kind);
}
