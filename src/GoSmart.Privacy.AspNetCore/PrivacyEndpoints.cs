using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Maps the privacy endpoints: self-service for a signed-in subject, and tenant administration for processor-mode requests.</summary>
public static class PrivacyEndpoints
{
    /// <summary>The rate-limiting policy of submissions.</summary>
    public const string SubmitPolicy = "gosmart-privacy-submit";

    /// <summary>The rate-limiting policy of package downloads.</summary>
    public const string DownloadPolicy = "gosmart-privacy-download";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>
    /// Adds what the endpoints need: Problem Details, the endpoint options, and the rate-limiting policies
    /// (<see cref="SubmitPolicy"/>, <see cref="DownloadPolicy"/>, per user). Call <c>app.UseRateLimiter()</c>.
    /// </summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="configure">Sets how users map to subjects and tenants, and the limits.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddPrivacyEndpoints(this IPrivacyBuilder builder, Action<PrivacyEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PrivacyEndpointOptions>().Configure(o => configure?.Invoke(o));
        if (services.Any(d => d.ServiceType == typeof(PrivacyRecordsCache)))
        {
            return builder; // added before (AddPrivacyCenter adds the endpoints too): only the options are configured again
        }

        services.AddProblemDetails();
        services.AddSingleton<PrivacyRecordsCache>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SubmitPolicy, context => PerUser(context, o => o.SubmissionsPerHour));
            limiter.AddPolicy(DownloadPolicy, context => PerUser(context, o => o.DownloadsPerHour));
            // A form post (the privacy center, the public form) gets a page in the visitor's language; a script gets Problem Details.
            limiter.OnRejected = (context, _) => new ValueTask((context.HttpContext.Request.HasFormContentType
                ? IntakePages.Answer(context.HttpContext, StatusCodes.Status429TooManyRequests, PrivacyTexts.Get("Center.ErrorTitle", PrivacyTexts.CultureOf(context.HttpContext)), PrivacyTexts.Get("Error.TooMany", PrivacyTexts.CultureOf(context.HttpContext)))
                : Results.Problem(statusCode: 429, title: "Too many requests", detail: "Too many privacy requests or downloads from this account in the last hour. Try again later.")).ExecuteAsync(context.HttpContext));
        });
        return builder;
    }

    /// <summary>Maps the endpoints under <paramref name="prefix"/> (default <c>/privacy</c>); every one requires an authenticated user.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The group, for further conventions.</returns>
    public static RouteGroupBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/privacy")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix).RequireAuthorization();
        var self = group.MapGroup("/me");
        self.MapPost("/requests", (Delegate)SelfServiceHandlers.SubmitAsync).RequireRateLimiting(SubmitPolicy);
        self.MapGet("/requests", (Delegate)SelfServiceHandlers.ListAsync);
        self.MapGet("/requests/{id:guid}", (Delegate)SelfServiceHandlers.GetAsync);
        self.MapGet("/requests/{id:guid}/package", (Delegate)SelfServiceHandlers.DownloadAsync).RequireRateLimiting(DownloadPolicy);
        self.MapGet("/consents", (Delegate)SelfServiceHandlers.ConsentsAsync);
        self.MapPut("/consents/{purpose}", (Delegate)SelfServiceHandlers.ChangeConsentAsync);
        self.MapGet("/consents/history", (Delegate)SelfServiceHandlers.HistoryAsync);
        self.MapGet("/erasure-preview", (Delegate)RecordsHandlers.PreviewErasure);
        group.MapGet("/notice", (Delegate)RecordsHandlers.Notice).AllowAnonymous(); // the right to be informed needs no account
        var visitor = group.MapGroup("/visitor").AllowAnonymous(); // a visitor's cookie and GPC choices, kept with their device subject
        visitor.MapGet("/consents", (Delegate)SelfServiceHandlers.VisitorConsentsAsync);
        visitor.MapPut("/consents/{purpose}", (Delegate)SelfServiceHandlers.ChangeVisitorConsentAsync);
        var admin = group.MapGroup("/tenants/{tenantId}");
        admin.MapPost("/requests", (Delegate)AdminHandlers.SubmitAsync).RequireRateLimiting(SubmitPolicy);
        admin.MapGet("/requests", (Delegate)AdminHandlers.ListAsync);
        admin.MapPost("/intake", (Delegate)AdminHandlers.IntakeAsync).RequireRateLimiting(SubmitPolicy);
        admin.MapPost("/requests/{id:guid}/confirm-identity", (Delegate)AdminHandlers.ConfirmAsync);
        admin.MapPost("/requests/{id:guid}/reject", (Delegate)AdminHandlers.RejectAsync);
        admin.MapPost("/holds", (Delegate)LegalHoldHandlers.PlaceAsync);
        admin.MapGet("/holds", (Delegate)LegalHoldHandlers.ListAsync);
        admin.MapPost("/holds/{id:guid}/release", (Delegate)LegalHoldHandlers.ReleaseAsync);
        return group;
    }

    private static RateLimitPartition<string> PerUser(HttpContext context, Func<PrivacyEndpointOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<PrivacyEndpointOptions>>().Value;
        var user = context.User.Identity?.Name ?? context.User.FindFirst("sub")?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit(options), Window = TimeSpan.FromHours(1), QueueLimit = 0 });
    }
}
