using System.Threading.RateLimiting;
using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Registers and maps the public request form for people without an account (<see cref="PublicIntakeOptions"/>).</summary>
public static class PublicIntake
{
    /// <summary>The rate-limiting policy of the public form: per client address.</summary>
    public const string PublicSubmitPolicy = "gosmart-privacy-public-submit";

    /// <summary>
    /// Adds the public form: its options, the link sealing (ASP.NET Core Data Protection), and its rate limit. An
    /// <see cref="IPrivacyMailer"/> must be registered too: <see cref="UseSmtpMailer"/>, or <see cref="InMemoryPrivacyMailer"/> in development.
    /// </summary>
    /// <param name="builder">The privacy builder (after <c>AddPrivacyEndpoints</c>, which adds Problem Details and the rate limiter).</param>
    /// <param name="configure">The rights offered, the subject kinds and tenant, link lifetimes, limits.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddPublicRequests(this IPrivacyBuilder builder, Action<PublicIntakeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PublicIntakeOptions>().Configure(o => configure?.Invoke(o)).Validate(o => o.Rights.Count > 0 && o.SubjectKinds.Count > 0 && o.LinkLifetime > TimeSpan.Zero && o.SubmissionsPerHour > 0, "PublicIntakeOptions needs at least one right and one subject kind, a positive LinkLifetime and a positive SubmissionsPerHour.");
        services.AddDataProtection();
        services.TryAddSingleton<IntakeLinks>();
        services.AddProblemDetails();
        services.AddRateLimiter(limiter => limiter.AddPolicy(PublicSubmitPolicy, context =>
        {
            var perHour = context.RequestServices.GetRequiredService<IOptions<PublicIntakeOptions>>().Value.SubmissionsPerHour;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
        }));
        return builder;
    }

    /// <summary>Sends the public form's e-mails by SMTP (<see cref="SmtpPrivacyMailer"/>, MailKit).</summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="configure">The server and the sender.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder UseSmtpMailer(this IPrivacyBuilder builder, Action<SmtpMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SmtpMailerOptions>().Configure(configure);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPrivacyMailer, SmtpPrivacyMailer>());
        return builder;
    }

    /// <summary>
    /// Maps the public form under <paramref name="prefix"/> (default <c>/privacy/public</c>), open to everyone:
    /// <c>POST requests</c> (JSON or form fields; rate-limited per client address), <c>GET verify?token=</c> (the e-mailed
    /// link's page, which changes nothing), <c>POST verify</c> (confirms), <c>GET package?token=</c> (the copy of the data).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="prefix">The route prefix.</param>
    /// <returns>The group.</returns>
    /// <exception cref="PrivacyException"><c>AddPublicRequests</c> or an <see cref="IPrivacyMailer"/> is missing.</exception>
    public static RouteGroupBuilder MapPublicPrivacyRequests(this IEndpointRouteBuilder endpoints, string prefix = "/privacy/public")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registered = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(IntakeLinks)) || !registered.IsService(typeof(IPrivacyMailer)))
        {
            throw new PrivacyException("The public request form needs AddPublicRequests() and an IPrivacyMailer: add .AddPublicRequests().UseSmtpMailer(o => …) to AddGoSmartPrivacy (or register InMemoryPrivacyMailer in development).");
        }

        var group = endpoints.MapGroup(prefix).AllowAnonymous();
        group.MapPost("/requests", (Delegate)PublicIntakeHandlers.SubmitAsync).RequireRateLimiting(PublicSubmitPolicy).DisableAntiforgery();
        group.MapGet("/verify", (Delegate)PublicIntakeHandlers.ConfirmPage);
        group.MapPost("/verify", (Delegate)PublicIntakeHandlers.ConfirmAsync).DisableAntiforgery();
        group.MapGet("/package", (Delegate)PublicIntakeHandlers.DownloadAsync);
        return group;
    }
}
