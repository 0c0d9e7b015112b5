namespace GoSmart.Privacy.Rules;

/// <summary>The kinds of scalar value a tagged member can hold, as both the reflection builder and the generator see them.</summary>
internal enum ValueKind
{
    Unsupported = 0,
    String,
    Boolean,
    Char,
    Integer,
    FloatingPoint,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    Guid,
    IPAddress,
    Enum,
}

/// <summary>Maps full CLR type names (as reflection and Roslyn both print them) to a <see cref="ValueKind"/>.</summary>
internal static class ValueKinds
{
    public static ValueKind FromTypeName(string fullName, bool isEnum)
    {
        if (isEnum)
        {
            return ValueKind.Enum;
        }

        switch (fullName)
        {
            case "System.String": return ValueKind.String;
            case "System.Boolean": return ValueKind.Boolean;
            case "System.Char": return ValueKind.Char;
            case "System.Byte":
            case "System.SByte":
            case "System.Int16":
            case "System.UInt16":
            case "System.Int32":
            case "System.UInt32":
            case "System.Int64":
            case "System.UInt64":
                return ValueKind.Integer;
            case "System.Single":
            case "System.Double":
                return ValueKind.FloatingPoint;
            case "System.Decimal": return ValueKind.Decimal;
            case "System.DateTime": return ValueKind.DateTime;
            case "System.DateTimeOffset": return ValueKind.DateTimeOffset;
            case "System.DateOnly": return ValueKind.DateOnly;
            case "System.TimeOnly": return ValueKind.TimeOnly;
            case "System.Guid": return ValueKind.Guid;
            case "System.Net.IPAddress": return ValueKind.IPAddress;
            default: return ValueKind.Unsupported;
        }
    }

    /// <summary>Whether a <see cref="DataSubjectIdAttribute"/> may sit on a member of this type.</summary>
    public static bool IsSubjectIdType(string fullName) =>
        fullName == "System.Guid" || fullName == "System.String" || fullName == "System.Int64" || fullName == "System.Int32";
}
