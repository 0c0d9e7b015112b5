using System.Collections.Generic;
using System.Linq;

namespace GoSmart.Privacy.Rules;

/// <summary>
/// Which members are part of a record's primary key, read by attribute metadata names so that neither the generator
/// nor the runtime depends on the data-annotation or EF Core assemblies: <c>[Key]</c> on the member, or EF Core's
/// <c>[PrimaryKey(nameof(A), nameof(B))]</c> on the type.
/// </summary>
internal static class KeyConventions
{
    /// <summary>The metadata name of <c>System.ComponentModel.DataAnnotations.KeyAttribute</c>.</summary>
    public const string KeyAttribute = "System.ComponentModel.DataAnnotations.KeyAttribute";

    /// <summary>The metadata name of <c>Microsoft.EntityFrameworkCore.PrimaryKeyAttribute</c>.</summary>
    public const string PrimaryKeyAttribute = "Microsoft.EntityFrameworkCore.PrimaryKeyAttribute";

    /// <summary>Whether a member is part of the key.</summary>
    /// <param name="memberName">The member.</param>
    /// <param name="hasKeyAttribute">Whether it carries <c>[Key]</c>.</param>
    /// <param name="primaryKeyMembers">The members a <c>[PrimaryKey]</c> on its type names, if any.</param>
    /// <returns><see langword="true"/> when it is part of the key.</returns>
    public static bool IsKey(string memberName, bool hasKeyAttribute, IEnumerable<string> primaryKeyMembers) =>
        hasKeyAttribute || primaryKeyMembers.Contains(memberName);
}
