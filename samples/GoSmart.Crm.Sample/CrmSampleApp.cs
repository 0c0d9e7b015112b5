using GoSmart.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using GoSmart.Privacy.AspNetCore;
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var crmDatabase = builder.Configuration["GOSMART_CRM_DATABASE"] ?? "Data Source=" + Path.Combine(dataDirectory, "crm.db");
        builder.Services.AddDbContext<CrmDbContext>(o => o.Use(crmDatabase));
        builder.Services.AddIdentityCore<CrmUser>().AddEntityFrameworkStores<CrmDbContext>();
        builder.AddSampleSignIn();
        builder.Services.AddGoSmartPrivacy(o =>
            {
                o.PseudonymKey = pseudonymKey;
                o.ServiceName = "crm";
                o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
                foreach (var purpose in Purposes())
                {
                    o.Disclosure.Purposes.Add(purpose);
                }

                // Acme is Go Smart's customer and the controller of its own Subscribers' data; Go Smart is its processor.
                var acme = new PrivacyDisclosure { Controller = "Acme Ltd, privacy@acme.example" };
                acme.Retention.Add(new DisclosedRetention("Invoices and deal amounts", "6 years after the end of the financial year (tax law)"));
                acme.Retention.Add(new DisclosedRetention("The company you work for, in a contact", "until any legal claim about the contract is time-barred (6 years)"));
                foreach (var purpose in Purposes())
                {
                    acme.Purposes.Add(purpose); // Acme uses the CRM for the same purposes; its notice says so under its own name
                }

                o.TenantDisclosures["acme"] = acme;
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
            .AddPrivacyCenter(o =>
            {
                o.Title = "Go Smart privacy center";
                o.ControllerName = "Go Smart";
                o.SignInUrl = "/sign-in?tenant=acme&subject=ada&name=Ada%20Lovelace"; // the sample's one-click sign-in
            }, endpoints => endpoints.SubmissionsPerHour = 30) // every right and a few choices in one visit
            .AddPublicRequests(); // people without an account: a form whose e-mailed link confirms the address
        builder.Services.AddSingleton<IPrivacyMailer, InMemoryPrivacyMailer>(); // keeps the e-mails in memory; a real host calls .UseSmtpMailer(o => …)

        builder.AddSampleOperations();
        var app = builder.Build();
        app.MapSampleOperations();
        app.UseStatusCodePages(); // 401 and other empty error responses become Problem Details
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseGlobalPrivacyControl();
        app.MapPrivacyCenter(); // the privacy center at /privacy, its endpoints, and the public form
        app.MapGet("/", () => Results.Redirect("/privacy"));

        app.MapSampleSignIn();
        return app;
    }

    /// <summary>What the CRM processes data for: its notice, its records of processing, and the uses a person can object to.</summary>
    private static IEnumerable<DisclosedPurpose> Purposes() =>
    [
        new(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract)
        {
            // What the purpose processes: the records of processing (Art. 30) map each category to the members that hold it.
            Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.Contact, DataCategories.Account, DataCategories.Credentials, DataCategories.Financial, DataCategories.ContentPrivate],
            SubjectKinds = [DataSubjectKind.Customer, DataSubjectKind.Subscriber],
        },
        new("analytics.product-improvement", "Improve the CRM from how its features are used.", LegalBasis.LegitimateInterests)
        {
            Categories = [DataCategories.UniqueId, DataCategories.BehaviorServiceUsage],
            SubjectKinds = [DataSubjectKind.Customer, DataSubjectKind.Subscriber],
        },
    ];

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
            new Contact { TenantId = "acme", Id = "ada", FullName = "Ada Lovelace", Email = "ada@example.com", Phone = "+44 20 7946 0018", Company = "Analytical Engines Ltd", Notes = "prefers large print", BirthYear = 1815, Deals = [new Deal { Title = "Engine licence", Amount = 1299m }], Payment = new PaymentMethod { CardLastFour = "4242", Cardholder = "A. Lovelace" } },
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
