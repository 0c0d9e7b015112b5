using System.Security.Claims;
using GoSmart.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using GoSmart.Privacy.Verification;

namespace GoSmart.Crm.Sample;

/// <summary>
/// Builds the CRM sample: its EF Core database (SQLite, or PostgreSQL with <c>GOSMART_CRM_DATABASE=Host=…</c>) whose tagged
/// entities and Identity users get their privacy handlers from one registration each, the privacy SDK on SQLite, the
/// endpoints and the privacy center.
/// </summary>
public static class CrmSampleApp
{
    public static WebApplication Create(string[] args, string dataDirectory, string pseudonymKey)
    {
        Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") }); // the build copies wwwroot next to the app
        var crmDatabase = builder.Configuration["GOSMART_CRM_DATABASE"] ?? "Data Source=" + Path.Combine(dataDirectory, "crm.db");
        builder.Services.AddDbContext<CrmDbContext>(o => o.Use(crmDatabase));
        builder.Services.AddIdentityCore<CrmUser>().AddEntityFrameworkStores<CrmDbContext>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();
        builder.Services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = pseudonymKey;
                o.ServiceName = "crm";
                o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
                o.Disclosure.Purposes.Add(new(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract)
                {
                    // What the purpose processes: the records of processing (Art. 30) map each category to the members that hold it.
                    Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.Contact, DataCategories.Account, DataCategories.Credentials, DataCategories.Financial, DataCategories.ContentPrivate],
                    SubjectKinds = [DataSubjectKind.Customer, DataSubjectKind.Subscriber],
                });
                // Acme is Go Smart's customer and the controller of its own Subscribers' data; Go Smart is its processor.
                o.TenantDisclosures["acme"] = new PrivacyDisclosure { Controller = "Acme Ltd, privacy@acme.example" };
                o.Consent.Purposes.Add(new ConsentPurpose("marketing.communications.email", "E-mails about Go Smart products, with an opt-out link in each.", LegalBasis.Consent));
                o.Consent.Purposes.Add(new ConsentPurpose("transfer.united-states", "Transfer to and processing in the United States.", LegalBasis.Consent));
                o.Consent.Purposes.Add(new ConsentPurpose("events.reminders", "Reminders about events you registered for.", LegalBasis.Consent));
            })
            .AddConsentLedger()
            .UseSqlite("Data Source=" + Path.Combine(dataDirectory, "privacy.db"))
            .AddEntityFrameworkCore<CrmDbContext>(o => { o.Name = "crm"; o.TenantProperty = "TenantId"; }) // crm/Contact
            .AddIdentity<CrmUser>(o => o.TenantOf = u => u.TenantId) // identity/users, through UserManager
            .AddAutomatedDecisionReviewer<LeadScoreReviewer>()
            .UseIdentityVerifier<AuthenticatedSubjectVerifier>() // the cookie sign-in verified the person
            .AddPrivacyEndpoints();

        builder.AddSampleOperations();
        var app = builder.Build();
        app.MapSampleOperations();
        app.UseStatusCodePages(); // 401 and other empty error responses become Problem Details
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseGlobalPrivacyControl();
        app.MapPrivacyEndpoints();

        // A sample sign-in: a real CRM signs people in with its identity provider and puts tenant and subject in claims.
        app.MapGet("/sign-in", async (HttpContext context, string tenant, string subject, string? name) =>
        {
            var identity = new ClaimsIdentity([new Claim("tenant_id", tenant), new Claim("sub", subject), new Claim(ClaimTypes.Name, name ?? subject)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/privacy-center.html");
        });
        app.MapGet("/me", (ClaimsPrincipal user) => Results.Json(new { name = user.Identity?.Name, tenant = user.FindFirst("tenant_id")?.Value })).RequireAuthorization();
        return app;
    }

    /// <summary>Creates the CRM database and seeds a few contacts across two tenants, and Ada's portal account.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (await db.Contacts.AnyAsync())
        {
            return;
        }

        db.Contacts.AddRange(
            new Contact { TenantId = "acme", Id = "ada", FullName = "Ada Lovelace", Email = "ada@example.com", Phone = "+44 20 7946 0018", Company = "Analytical Engines Ltd", Notes = "prefers large print", Deals = [new Deal { Title = "Engine licence", Amount = 1299m }], Payment = new PaymentMethod { CardLastFour = "4242", Cardholder = "A. Lovelace" } },
            new Contact { TenantId = "acme", Id = "grace", FullName = "Grace Hopper", Email = "grace@example.com" },
            new Contact { TenantId = "globex", Id = "ada", FullName = "Ada (globex)", Email = "ada@globex.example" });
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var ada = new CrmUser { Id = "ada", TenantId = "acme", UserName = "ada.lovelace", Email = "ada@example.com", PhoneNumber = "+44 20 7946 0018" };
        var created = await users.CreateAsync(ada);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddLoginAsync(ada, new UserLoginInfo("Google", "google-ada-1", "Google"));
    }
}
