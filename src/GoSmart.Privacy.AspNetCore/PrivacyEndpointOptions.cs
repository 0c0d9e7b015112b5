using System.Security.Claims;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>How the endpoints know who is calling, and their limits.</summary>
public sealed class PrivacyEndpointOptions
{
    /// <summary>
    /// Gets or sets how a signed-in user maps to the data subject they are: by default the <c>tenant_id</c> claim and
    /// the <c>sub</c> (or name identifier) claim. A user that maps to no subject gets 403 from every self-service endpoint.
    /// </summary>
    public Func<ClaimsPrincipal, SubjectRef?> SubjectOf { get; set; } = DefaultSubjectOf;

    /// <summary>
    /// Gets or sets the tenant a user administers, or <see langword="null"/>: by default the <c>tenant_id</c> claim of a
    /// user in the <c>privacy-admin</c> role. Administrators open requests for their tenant's Subscribers (processor mode).
    /// </summary>
    public Func<ClaimsPrincipal, string?> AdministeredTenantOf { get; set; } = DefaultAdministeredTenantOf;

    /// <summary>
    /// Gets or sets the tenant a visitor who is not signed in belongs to (default <c>site</c>): their Global Privacy
    /// Control signal is recorded against a device subject of that tenant (<see cref="DataSubjectKind.WebsiteVisitor"/>).
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, string> VisitorTenantOf { get; set; } = static _ => "site";

    /// <summary>
    /// Gets or sets whether a tenant takes requests of a right through the endpoints and the privacy center (default:
    /// every right, everywhere). A tenant that handles a right another way — by letter, in another product — turns it
    /// off here: the endpoint answers 403 with Problem Details, and the privacy center says whom to write to instead.
    /// </summary>
    public Func<string, PrivacyRequestKind, bool> OffersRight { get; set; } = static (_, _) => true;

    /// <summary>Gets or sets for how long a completed access package can be downloaded (default 7 days).</summary>
    public TimeSpan DownloadWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how many requests a user may submit per hour (default 10).</summary>
    public int SubmissionsPerHour { get; set; } = 10;

    /// <summary>Gets or sets how many packages a user may download per hour (default 20).</summary>
    public int DownloadsPerHour { get; set; } = 20;

    /// <summary>Gets or sets the largest request body accepted, in bytes (default 64 KB); larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    private static SubjectRef? DefaultSubjectOf(ClaimsPrincipal user)
    {
        var tenant = user.FindFirst("tenant_id")?.Value;
        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return user.Identity?.IsAuthenticated == true && !string.IsNullOrWhiteSpace(tenant) && !string.IsNullOrWhiteSpace(subject) ? new SubjectRef(tenant, subject) : null;
    }

    private static string? DefaultAdministeredTenantOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole("privacy-admin") ? user.FindFirst("tenant_id")?.Value : null;
}
