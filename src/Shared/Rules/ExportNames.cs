namespace GoSmart.Privacy.Rules;

/// <summary>How a member's JSON name is derived: its export name, else its CLR name in camelCase (System.Text.Json's algorithm).</summary>
internal static class ExportNames
{
    public static string For(string memberName, string? exportName) =>
        string.IsNullOrEmpty(exportName) ? CamelCase(memberName) : exportName!;

    public static string CamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
