using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GoSmart.Crm.Sample;

/// <summary>
/// The samples' sign-in: a cookie with the tenant and subject in claims. A real CRM or chat signs people in with its
/// identity provider; the privacy SDK reads the same two claims (PrivacyEndpointOptions.SubjectOf).
/// </summary>
public static class SampleSignIn
{
    public static void AddSampleSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
    }

    /// <summary><c>GET /sign-in?tenant=&amp;subject=&amp;name=</c> signs in and opens the privacy center; <c>GET /me</c> says who is signed in.</summary>
    public static void MapSampleSignIn(this WebApplication app)
    {
        app.MapGet("/sign-in", async (HttpContext context, string tenant, string subject, string? name) =>
        {
            var identity = new ClaimsIdentity([new Claim("tenant_id", tenant), new Claim("sub", subject), new Claim(ClaimTypes.Name, name ?? subject)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/privacy");
        });
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Json(new { name = user.Identity?.Name, tenant = user.FindFirst("tenant_id")?.Value })).RequireAuthorization();
    }
}
