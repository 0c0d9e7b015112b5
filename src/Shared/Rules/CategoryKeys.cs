namespace GoSmart.Privacy.Rules;

/// <summary>What makes a data-category key valid: dotted, lower-case, fideslang's <c>user.</c> or <c>system.</c> root.</summary>
internal static class CategoryKeys
{
    public static bool IsValid(string? key)
    {
        if (key is null || key.Length == 0 || key.Length > 200)
        {
            return false;
        }

        if (!(key.StartsWith("user", System.StringComparison.Ordinal) || key.StartsWith("system", System.StringComparison.Ordinal)))
        {
            return false;
        }

        var segmentStart = true;
        foreach (var c in key)
        {
            if (c == '.')
            {
                if (segmentStart)
                {
                    return false;
                }

                segmentStart = true;
                continue;
            }

            var ok = segmentStart ? (c >= 'a' && c <= 'z') : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-');
            if (!ok)
            {
                return false;
            }

            segmentStart = false;
        }

        if (segmentStart)
        {
            return false;
        }

        var root = key.Split('.')[0];
        return root == "user" || root == "system";
    }
}
