using System.Security.Cryptography;
using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>
/// Who a request's privacy choices belong to: the signed-in subject, or — for a visitor who is not signed in — a
/// device subject remembered by a strictly necessary cookie, so a Global Privacy Control signal is recorded and
/// honoured for them too, and carried over when they sign in.
/// </summary>
public static class VisitorSubjects
{
    /// <summary>The cookie that remembers a visitor's device subject: a random id, no personal data.</summary>
    public const string CookieName = "gosmart_privacy_visitor";

    /// <summary>The prefix of a visitor's subject id.</summary>
    public const string SubjectPrefix = "visitor:";

    /// <summary>Gets the subject a request's privacy choices belong to: the signed-in subject, else the visitor's device subject, else <see langword="null"/>.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The subject to check consent for, e.g. <c>consent.HasConsent(context.PrivacySubject()!, "marketing.targeted")</c>.</returns>
    public static SubjectRef? PrivacySubject(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SelfServiceHandlers.Subject(context) ?? Visitor(context);
    }

    /// <summary>The visitor's device subject from their cookie, or one just created for this request, or <see langword="null"/>.</summary>
    internal static SubjectRef? Visitor(HttpContext context)
    {
        var id = context.Items[CookieName] as string ?? (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && IsVisitorId(cookie) ? cookie : null);
        return id is null ? null : new SubjectRef(Tenant(context), SubjectPrefix + id, DataSubjectKind.WebsiteVisitor);
    }

    /// <summary>Creates a device subject for this visitor and sets its cookie (HttpOnly, SameSite=Lax, a year).</summary>
    internal static SubjectRef Create(HttpContext context)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        context.Items[CookieName] = id;
        context.Response.Cookies.Append(CookieName, id, new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return new SubjectRef(Tenant(context), SubjectPrefix + id, DataSubjectKind.WebsiteVisitor);
    }

    /// <summary>The subject whose choices a page shows and records: the signed-in subject, else the visitor's device subject, created (with its cookie) on first use.</summary>
    internal static SubjectRef ChooserOf(HttpContext context) => context.PrivacySubject() ?? Create(context);

    /// <summary>Forgets the visitor's device subject: their choices now live with the signed-in subject.</summary>
    internal static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName);

    private static string Tenant(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PrivacyEndpointOptions>>().Value.VisitorTenantOf(context);

    private static bool IsVisitorId(string value) => value.Length == 32 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
