using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>
/// The privacy center every host mounts with one call: a page per right of policy §5 — informed, access,
/// portability, rectification, erasure with its preview, restriction, objection, review of an automated decision,
/// consent — and the person's request history, in English, German, French or Spanish, server-rendered so it works
/// without JavaScript. Its forms go through the same code as the JSON endpoints.
/// </summary>
public static class PrivacyCenter
{
    /// <summary>
    /// Adds the privacy center: the endpoints it calls (<see cref="PrivacyEndpoints.AddPrivacyEndpoints"/>), its
    /// options, and antiforgery for its forms.
    /// </summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="configure">The title, the controller's name and logo, the theme.</param>
    /// <param name="endpoints">How users map to subjects and tenants, the rights each tenant offers, the limits.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddPrivacyCenter(this IPrivacyBuilder builder, Action<PrivacyCenterOptions>? configure = null, Action<PrivacyEndpointOptions>? endpoints = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPrivacyEndpoints(endpoints);
        builder.Services.AddOptions<PrivacyCenterOptions>().Configure(o => configure?.Invoke(o));
        builder.Services.AddAntiforgery();
        return builder;
    }

    /// <summary>
    /// Maps the privacy endpoints under <paramref name="prefix"/> (<see cref="PrivacyEndpoints.MapPrivacyEndpoints"/>),
    /// the public request form under <c>{prefix}/public</c> when <c>AddPublicRequests</c> was called, and the privacy
    /// center's pages at <c>{prefix}/center</c>: <c>GET {prefix}/center/{view}</c> shows a view, <c>POST</c> sends its form
    /// (rate-limited like the endpoints), <c>GET {prefix}</c> opens the overview. Call <c>app.UseRateLimiter()</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix (default <c>/privacy</c>).</param>
    /// <returns>The privacy endpoints' group.</returns>
    /// <exception cref="PrivacyException"><c>AddPrivacyCenter</c> was not called, or its options hold a theme entry or an address that is not safe to write into the page.</exception>
    public static RouteGroupBuilder MapPrivacyCenter(this IEndpointRouteBuilder endpoints, string prefix = "/privacy")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registered = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(PrivacyRecordsCache)) || !registered.IsService(typeof(Microsoft.AspNetCore.Antiforgery.IAntiforgery)))
        {
            throw new PrivacyException("The privacy center is not registered. Add .AddPrivacyCenter() to AddGoSmartPrivacy(…) before mapping it.");
        }

        CenterTheme.Check(endpoints.ServiceProvider.GetRequiredService<IOptions<PrivacyCenterOptions>>().Value); // a bad theme fails at startup, not on a visitor's page

        var group = endpoints.MapPrivacyEndpoints(prefix);
        var root = prefix.TrimEnd('/');
        if (registered.IsService(typeof(IntakeLinks)))
        {
            endpoints.MapPublicPrivacyRequests(root + "/public");
        }

        var center = endpoints.MapGroup(root + "/center").AllowAnonymous().WithMetadata(new CenterRoutes(root));
        center.MapGet("/", (Func<HttpContext, Task<IResult>>)(context => CenterPages.ShowAsync(context, CenterView.Overview.Slug)));
        center.MapGet("/{view}", (HttpContext context, string view) => CenterPages.ShowAsync(context, view));
        center.MapPost("/{view}", (HttpContext context, string view) => CenterActions.SendAsync(context, view)).RequireRateLimiting(PrivacyEndpoints.SubmitPolicy).DisableAntiforgery(); // validated by CenterActions, with a message in the visitor's language
        center.MapGet("/assets/privacy-center.css", CenterTheme.Stylesheet);
        endpoints.MapGet(root, (HttpContext context) => Results.Redirect(new CenterRoutes(root).View(CenterView.Overview.Slug, PrivacyTexts.CultureOf(context)))).AllowAnonymous();
        return group;
    }
}
