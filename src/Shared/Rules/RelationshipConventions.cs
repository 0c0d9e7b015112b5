using System.Collections.Generic;

namespace GoSmart.Privacy.Rules;

/// <summary>What both plan builders know about an untagged member that holds a type with personal data.</summary>
internal sealed class NavigationFacts
{
    /// <summary>Gets or sets the member's name, e.g. <c>Author</c> or <c>Reactions</c>.</summary>
    public string MemberName { get; set; } = "";

    /// <summary>Gets or sets whether the member holds a collection of the target.</summary>
    public bool IsCollection { get; set; }

    /// <summary>Gets or sets whether the member carries <c>[ForeignKey]</c> or <c>[InverseProperty]</c>.</summary>
    public bool HasRelationshipAttribute { get; set; }

    /// <summary>Gets or sets the simple name of the type that holds the member.</summary>
    public string DeclaringTypeName { get; set; } = "";

    /// <summary>Gets or sets the names of the holding type's members.</summary>
    public ICollection<string> DeclaringMemberNames { get; set; } = new List<string>();

    /// <summary>Gets or sets the navigations that a <c>[ForeignKey("Navigation")]</c> on a member of the holding type names.</summary>
    public ICollection<string> ForeignKeyNavigations { get; set; } = new List<string>();

    /// <summary>Gets or sets the simple name of the held type (the element type of a collection).</summary>
    public string TargetTypeName { get; set; } = "";

    /// <summary>Gets or sets whether the held type carries EF Core's <c>[Owned]</c>.</summary>
    public bool TargetIsOwned { get; set; }

    /// <summary>Gets or sets the names of the held type's members.</summary>
    public ICollection<string> TargetMemberNames { get; set; } = new List<string>();

    /// <summary>Gets or sets whether the held type, another type than the holding one, has a member holding the holding type (an inverse navigation).</summary>
    public bool TargetRefersBack { get; set; }
}

/// <summary>
/// Where a plan stops: at a member that navigates to another record rather than holding a part of this one. A chat
/// document embeds its reactions and its author's snapshot — they are parts, and the plan follows them (owner-aware
/// redaction then touches only the parts of the erased person). An EF Core entity's navigation to another entity is
/// a different row, often another person's (a reaction's <c>Post</c> is its author's post): following it would
/// export and erase that person's data. A member is such a navigation when EF Core's own relationship conventions,
/// read from names and attribute metadata names only, make it one: it carries <c>[ForeignKey]</c> or
/// <c>[InverseProperty]</c>, or a <c>[ForeignKey]</c> names it; the held type — another type — refers back to the holding type; a
/// reference <c>Author</c> has a foreign key <c>AuthorId</c> (or <c>UserId</c> for a <c>User</c>) beside it; a
/// collection's elements carry the holder's key (<c>PostId</c> in a post's reactions). A held type marked
/// <c>[Owned]</c> is always a part. A type holding its own type (a manager, a reply) is a navigation only by its
/// foreign key (<c>ManagerId</c>) or an attribute: a document may nest replies. The EF Core package checks each plan against the real model at start-up and
/// names the attribute that settles any disagreement.
/// </summary>
internal static class RelationshipConventions
{
    /// <summary>The metadata name of <c>Microsoft.EntityFrameworkCore.OwnedAttribute</c>.</summary>
    public const string OwnedAttribute = "Microsoft.EntityFrameworkCore.OwnedAttribute";

    /// <summary>The metadata name of <c>System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute</c>.</summary>
    public const string ForeignKeyAttribute = "System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute";

    /// <summary>The metadata name of <c>System.ComponentModel.DataAnnotations.Schema.InversePropertyAttribute</c>.</summary>
    public const string InversePropertyAttribute = "System.ComponentModel.DataAnnotations.Schema.InversePropertyAttribute";

    /// <summary>Whether a member navigates to another record, so that the plan stops there.</summary>
    /// <param name="facts">What is known about the member.</param>
    /// <returns><see langword="true"/> for a navigation.</returns>
    public static bool IsNavigation(NavigationFacts facts)
    {
        if (facts.TargetIsOwned)
        {
            return false;
        }

        if (facts.HasRelationshipAttribute || facts.ForeignKeyNavigations.Contains(facts.MemberName) || facts.TargetRefersBack)
        {
            return true;
        }

        return facts.IsCollection
            ? facts.TargetMemberNames.Contains(facts.DeclaringTypeName + "Id")
            : facts.DeclaringMemberNames.Contains(facts.MemberName + "Id") || facts.DeclaringMemberNames.Contains(facts.TargetTypeName + "Id");
    }
}
