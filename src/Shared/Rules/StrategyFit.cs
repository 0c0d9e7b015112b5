namespace GoSmart.Privacy.Rules;

/// <summary>Which <see cref="ErasureStrategy"/> applies to which <see cref="ValueKind"/> — the table in <c>docs/redaction.md</c>.</summary>
internal static class StrategyFit
{
    public static bool Fits(ErasureStrategy strategy, ValueKind kind)
    {
        if (kind == ValueKind.Unsupported)
        {
            return false;
        }

        switch (strategy)
        {
            case ErasureStrategy.Erase:
            case ErasureStrategy.Retain:
                return true;
            case ErasureStrategy.Mask:
                return kind == ValueKind.String;
            case ErasureStrategy.Hash:
                return kind == ValueKind.String || kind == ValueKind.Guid;
            case ErasureStrategy.Generalize:
                return kind == ValueKind.DateTime || kind == ValueKind.DateTimeOffset || kind == ValueKind.DateOnly
                    || kind == ValueKind.TimeOnly || kind == ValueKind.IPAddress || kind == ValueKind.Integer
                    || kind == ValueKind.FloatingPoint || kind == ValueKind.Decimal;
            default:
                return false;
        }
    }

    /// <summary>The strategies that fit <paramref name="kind"/>, for the fix in a message.</summary>
    public static string FittingStrategies(ValueKind kind)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (ErasureStrategy s in new[] { ErasureStrategy.Erase, ErasureStrategy.Mask, ErasureStrategy.Hash, ErasureStrategy.Generalize, ErasureStrategy.Retain })
        {
            if (Fits(s, kind))
            {
                names.Add(s.ToString());
            }
        }

        return string.Join(", ", names);
    }
}
