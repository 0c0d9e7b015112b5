namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Type names as people and handler names read them: <c>IdentityUserToken</c>, not <c>IdentityUserToken`1</c>.</summary>
internal static class Names
{
    public static string Of(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }
}
