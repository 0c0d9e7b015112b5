using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>A web app with the privacy endpoints and center on the ASP.NET Core test server; callers authenticate with test headers.</summary>
internal sealed class EndpointTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointTestHost(WebApplication app, TestData data, FakeTimeProvider time)
    {
        _app = app;
        Data = data;
        Time = time;
    }

    public TestData Data { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public GoSmart.Privacy.AspNetCore.InMemoryPrivacyMailer Mail => _app.Services.GetRequiredService<GoSmart.Privacy.AspNetCore.InMemoryPrivacyMailer>();

    public static async Task<EndpointTestHost> StartAsync(Action<GoSmart.Privacy.AspNetCore.PrivacyEndpointOptions>? endpoints = null, Action<PrivacyOptions>? privacy = null, Action<IPrivacyBuilder>? extra = null, Action<GoSmart.Privacy.AspNetCore.PublicIntakeOptions>? intake = null, Action<GoSmart.Privacy.AspNetCore.PrivacyCenterOptions>? center = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var data = new TestData();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(data);
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Test", _ => { });
        builder.Services.AddAuthorization();
        builder.Services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = Convert.ToBase64String(TestKeys.Key);
                o.RetryDelay = TimeSpan.Zero;
                o.Consent.Purposes.Add(new ConsentPurpose("marketing.communications.email", "Product news by e-mail.", LegalBasis.Consent));
                o.Consent.Purposes.Add(new ConsentPurpose("marketing.targeted", "Targeted advertising.", LegalBasis.Consent) { OptOutByGlobalPrivacyControl = true });
                foreach (var tenant in new[] { "acme", "globex" })
                {
                    o.TenantDisclosures[tenant] = new PrivacyDisclosure { Controller = tenant + " (the customer), privacy@" + tenant + ".example" }; // controllers of their Subscribers
                }

                privacy?.Invoke(o);
            })
            .AddConsentLedger()
            .AddExporter<CrmContactsHandler>().AddErasureHandler<CrmContactsHandler>()
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>()
            .AddPrivacyCenter(center, endpoints) // the endpoints, and the page over them
            .AddPublicRequests(intake);
        builder.Services.AddSingleton<GoSmart.Privacy.AspNetCore.InMemoryPrivacyMailer>();
        builder.Services.AddSingleton<GoSmart.Privacy.AspNetCore.IPrivacyMailer>(sp => sp.GetRequiredService<GoSmart.Privacy.AspNetCore.InMemoryPrivacyMailer>());
        extra?.Invoke(new PrivacyBuilderAccess(builder.Services));
        var app = builder.Build();
        app.UseStatusCodePages(); // with AddProblemDetails: empty error responses (401) become Problem Details too
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseGlobalPrivacyControl();
        app.MapPrivacyCenter(); // the endpoints, the public form and the page, with one call
        // A public page that honours privacy choices, signed in or not.
        app.MapGet("/public/offers", (HttpContext context, IConsentService consent) =>
            context.PrivacySubject() is { } who ? $"{who.Kind}:{(consent.HasConsent(who, "analytics.personalised") ? "personalised" : "plain")}" : "nobody");
        await app.StartAsync();
        return new EndpointTestHost(app, data, time);
    }

    /// <summary>A client with no credentials and no Accept header: what a browser following an e-mailed link is.</summary>
    public HttpClient Browser() => _app.GetTestClient();

    /// <summary>A client signed in as <paramref name="subject"/> of <paramref name="tenant"/> (or anonymous when both are null).</summary>
    public HttpClient Client(string? tenant, string? subject, string? role = null)
    {
        var client = _app.GetTestClient();
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-Tenant", tenant);
        }

        if (subject is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-Subject", subject);
        }

        if (role is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-Role", role);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Lets a test add handlers after the host's own registrations.</summary>
    private sealed class PrivacyBuilderAccess(IServiceCollection services) : IPrivacyBuilder
    {
        public IServiceCollection Services => services;
    }

    /// <summary>Authenticates from test headers: tenant, subject, role.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var subject = Request.Headers["X-Test-Subject"].ToString();
            var tenant = Request.Headers["X-Test-Tenant"].ToString();
            if (subject.Length == 0 && tenant.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = new List<Claim> { new("tenant_id", tenant), new(ClaimTypes.Name, tenant + "/" + subject) };
            if (subject.Length > 0)
            {
                claims.Add(new Claim("sub", subject));
            }

            if (Request.Headers["X-Test-Role"].ToString() is { Length: > 0 } role)
            {
                claims.Add(new Claim(ClaimTypes.Role, role));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), "Test")));
        }
    }
}
