using Microsoft.AspNetCore.Http;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The public request form for people without an account — website visitors, newsletter subscribers, prospects,
/// counterparts (policy §5): which rights it offers, for which kinds of subject and tenant, how long its links live,
/// how many submissions one address may make.
/// </summary>
public sealed class PublicIntakeOptions
{
    /// <summary>Gets or sets the tenant (controller) a form request belongs to, from the page's context (default <c>site</c>, the host itself).</summary>
    public Func<HttpContext, string> TenantOf { get; set; } = static _ => "site";

    /// <summary>Gets the kinds of subject the form accepts; the first is used when the form names none.</summary>
    public IList<DataSubjectKind> SubjectKinds { get; } = [DataSubjectKind.WebsiteVisitor, DataSubjectKind.NewsletterSubscriber, DataSubjectKind.Prospect, DataSubjectKind.Counterpart];

    /// <summary>Gets the rights the form offers; a request for another gets 400 naming those offered. Rectification and Art. 22 review need an account's records, so they are not offered by default.</summary>
    public IList<PrivacyRequestKind> Rights { get; } = [PrivacyRequestKind.Access, PrivacyRequestKind.Portability, PrivacyRequestKind.Erasure, PrivacyRequestKind.Restriction, PrivacyRequestKind.Objection];

    /// <summary>Gets or sets how long the link that confirms the address stays valid (default 24 hours).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how long the link to a finished copy of the data stays valid (default 7 days).</summary>
    public TimeSpan DownloadLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how many form submissions one client address may make per hour (default 5); more get 429.</summary>
    public int SubmissionsPerHour { get; set; } = 5;

    /// <summary>Gets or sets where the links in the e-mails point (the site's public address); by default, the address the form was posted to.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Gets or sets who the e-mails say they are from, e.g. <c>Go Smart privacy team</c>.</summary>
    public string SenderName { get; set; } = "The privacy team";
}
