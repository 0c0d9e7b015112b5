namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// One view of the privacy center: its address, the right it serves (if any), and who sees it — an account holder,
/// anyone, or only someone without an account.
/// </summary>
/// <param name="Slug">The last segment of its address, and the key of its texts (<c>View.{slug}</c>, <c>Intro.{slug}</c>).</param>
/// <param name="Kind">The request it sends, if it sends one.</param>
/// <param name="Audience">Who sees it.</param>
internal sealed record CenterView(string Slug, PrivacyRequestKind? Kind, CenterAudience Audience)
{
    public static readonly CenterView Overview = new("overview", null, CenterAudience.Everyone);
    public static readonly CenterView Notice = new("notice", null, CenterAudience.Everyone);
    public static readonly CenterView Access = new("access", PrivacyRequestKind.Access, CenterAudience.AccountHolder);
    public static readonly CenterView Portability = new("portability", PrivacyRequestKind.Portability, CenterAudience.AccountHolder);
    public static readonly CenterView Rectification = new("rectification", PrivacyRequestKind.Rectification, CenterAudience.AccountHolder);
    public static readonly CenterView Erasure = new("erasure", PrivacyRequestKind.Erasure, CenterAudience.AccountHolder);
    public static readonly CenterView Restriction = new("restriction", PrivacyRequestKind.Restriction, CenterAudience.AccountHolder);
    public static readonly CenterView Objection = new("objection", PrivacyRequestKind.Objection, CenterAudience.AccountHolder);
    public static readonly CenterView Review = new("review", PrivacyRequestKind.AutomatedDecisionReview, CenterAudience.AccountHolder);
    public static readonly CenterView Consents = new("consents", null, CenterAudience.Everyone);
    public static readonly CenterView Requests = new("requests", null, CenterAudience.AccountHolder);
    public static readonly CenterView Ask = new("ask", null, CenterAudience.NoAccount);

    /// <summary>Every view, in the order the navigation lists them.</summary>
    public static readonly IReadOnlyList<CenterView> All = [Overview, Notice, Access, Portability, Rectification, Erasure, Restriction, Objection, Review, Consents, Requests, Ask];

    /// <summary>The view at <paramref name="slug"/>, or <see langword="null"/>.</summary>
    public static CenterView? Find(string? slug) => All.FirstOrDefault(v => string.Equals(v.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether someone signed in (or not) sees this view.</summary>
    public bool IsFor(bool signedIn) => Audience switch
    {
        CenterAudience.AccountHolder => signedIn,
        CenterAudience.NoAccount => !signedIn,
        _ => true,
    };
}

/// <summary>Who sees a view.</summary>
internal enum CenterAudience
{
    /// <summary>Everyone.</summary>
    Everyone,

    /// <summary>A signed-in data subject.</summary>
    AccountHolder,

    /// <summary>A visitor who is not signed in.</summary>
    NoAccount,
}
