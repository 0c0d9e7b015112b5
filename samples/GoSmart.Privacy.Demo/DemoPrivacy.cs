using GoSmart.Privacy.Design;
using GoSmart.Privacy.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Demo;

/// <summary>
/// How the demo's CRM-and-Chat service configures the SDK: one method, called by the demo's <c>Program</c> and by the
/// <c>gosmart-privacy</c> tool through <see cref="DemoDesignTimeServices"/>, so the records of processing the tool
/// builds are those of the code that runs. Purposes name their data categories, so the records map each to the members
/// that hold it.
/// </summary>
public static class DemoPrivacy
{
    /// <summary>Adds the SDK as the demo's service runs it.</summary>
    /// <param name="services">The services (a <see cref="DemoStore"/> must be registered).</param>
    /// <param name="key">The pseudonym key.</param>
    /// <param name="connectionString">The SQLite privacy store, or <see langword="null"/> for the in-memory stores.</param>
    /// <param name="helpDesk">Whether the help desk's handler is deployed.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder Configure(IServiceCollection services, string key, string? connectionString, bool helpDesk)
    {
        var privacy = services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = key;
            o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
            o.Disclosure.DataProtectionOfficer = "dpo@gosmart.example";
            o.Disclosure.PolicyUrl = new Uri("https://www.gosmartgroup.us/privacy");
            o.Disclosure.Purposes.Add(new(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract)
            {
                Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.Contact, DataCategories.JobTitle, DataCategories.Financial, DataCategories.Device, DataCategories.DateOfBirth, DataCategories.Health],
                SubjectKinds = [DataSubjectKind.Customer, DataSubjectKind.EndUser],
            });
            o.Disclosure.Purposes.Add(new(ProcessingPurposes.ProvideServiceOnBehalfOfCustomer, "Provide the chat and help desk to your organisation.", LegalBasis.Contract)
            {
                Categories = [DataCategories.Content, DataCategories.BehaviorServiceUsage],
                SubjectKinds = [DataSubjectKind.EndUser],
            });
            o.Disclosure.Recipients.Add("Hosting provider (EU)");
            o.Disclosure.Transfers.Add(new DisclosedTransfer("United States", "Explicit consent (Art. 49(1)(a)) and standard contractual clauses (Art. 46(2)(c))") { Recipient = "Go Smart Group LLC" });
            o.Disclosure.SecurityMeasures.Add("Access to personal data on a need-to-know basis, reviewed every quarter.");
            o.Disclosure.Retention.Add(new("CRM contacts", "While the account is active, then 6 years for accounting."));
            o.Consent.Purposes.Add(new ConsentPurpose("marketing.communications.email", "E-mails about Go Smart products, with an opt-out link in each.", LegalBasis.Consent) { Categories = { DataCategories.ContactEmail, DataCategories.Name } });
            o.Consent.Purposes.Add(new ConsentPurpose("transfer.united-states", "Transfer to and processing in the United States.", LegalBasis.Consent) { Categories = { DataCategories.Contact } });
            o.Consent.Purposes.Add(new ConsentPurpose("marketing.targeted", "Targeted advertising.", LegalBasis.Consent) { OptOutByGlobalPrivacyControl = true, Categories = { DataCategories.Behavior } });
            o.ServiceName = "demo";
            foreach (var community in new[] { typeof(CommunityMember), typeof(CommunityPost) })
            {
                o.Coverage.OutOfScope.Add(new OutOfScopeType(community.FullName!, "The community service (the retention section below) holds these."));
            }
        })
        .AddConsentLedger()
        .AddExporter<CrmContactsHandler>().AddErasureHandler<CrmContactsHandler>()
        .AddExporter<ChatMessagesHandler>().AddErasureHandler<ChatMessagesHandler>()
        .AddTextScanner(o => o.DefaultRegion = "GB").AddSubjectIdentifiers<DemoDirectory>() // [FreeText]: other people's words that name Ada
        .UseIdentityVerifier<AuthenticatedSubjectVerifier>();
        if (connectionString is not null)
        {
            privacy.UseSqlite(connectionString);
        }

        if (helpDesk)
        {
            privacy.AddExporter<SupportTicketsHandler>().AddErasureHandler<SupportTicketsHandler>();
        }

        return privacy;
    }
}

/// <summary>The demo service as the <c>gosmart-privacy</c> tool builds it: <c>gosmart-privacy records --assembly GoSmart.Privacy.Demo.dll --design-time DemoDesignTimeServices</c>.</summary>
public sealed class DemoDesignTimeServices : IPrivacyDesignTimeServices
{
    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services, PrivacyDesignTimeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddSingleton(new DemoStore());
        DemoPrivacy.Configure(services, DemoKeys.FromEnvironment(), context.ConnectionString, helpDesk: true);
    }
}

/// <summary>The pseudonym key the demo's services use.</summary>
public static class DemoKeys
{
    /// <summary>The environment variable the key is read from.</summary>
    public const string Variable = "GOSMART_PRIVACY_PSEUDONYM_KEY";

    /// <summary>Gets <c>GOSMART_PRIVACY_PSEUDONYM_KEY</c>, or a throwaway key when it is not set.</summary>
    /// <returns>The key, base64.</returns>
    public static string FromEnvironment() => FromEnvironment(out _);

    /// <summary>Gets <c>GOSMART_PRIVACY_PSEUDONYM_KEY</c>, or a throwaway key when it is not set.</summary>
    /// <param name="throwaway">Whether the key was made for this run (pseudonyms then differ run to run).</param>
    /// <returns>The key, base64.</returns>
    public static string FromEnvironment(out bool throwaway)
    {
        var key = Environment.GetEnvironmentVariable(Variable);
        throwaway = string.IsNullOrEmpty(key);
        return throwaway ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) : key!;
    }
}
