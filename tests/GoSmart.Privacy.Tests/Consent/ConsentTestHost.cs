using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GoSmart.Privacy.Tests.Consent;

/// <summary>A host with the consent ledger and the policy's purposes.</summary>
internal sealed class ConsentTestHost : IAsyncDisposable
{
    public const string Email = "marketing.communications.email";
    public const string UnitedStates = "transfer.united-states";
    public const string Events = "events.reminders";
    public const string Analytics = "analytics.product";
    public const string TargetedAds = "marketing.targeted";

    public ConsentTestHost(IConsentStore? store = null, Action<ConsentOptions>? configure = null, Action<IPrivacyBuilder>? builder = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        var privacy = services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(TestKeys.Key);
            o.RetryDelay = TimeSpan.Zero;
            var email = new ConsentPurpose(Email, "E-mails about Go Smart products, with an opt-out link in each.", LegalBasis.Consent);
            email.Notices.Add(new NoticeVersion(1, true, "notices/marketing-email@v1"));
            email.Notices.Add(new NoticeVersion(2, false, "notices/marketing-email@v2"));
            email.Notices.Add(new NoticeVersion(3, true, "notices/marketing-email@v3"));
            email.Categories.Add(DataCategories.ContactEmail);
            email.ThirdParties.Add("E-mail delivery provider");
            o.Consent.Purposes.Add(email);
            o.Consent.Purposes.Add(new ConsentPurpose(UnitedStates, "Transfer to and processing in the United States.", LegalBasis.Consent));
            o.Consent.Purposes.Add(new ConsentPurpose(Events, "Reminders about events you registered for.", LegalBasis.Consent));
            o.Consent.Purposes.Add(new ConsentPurpose(Analytics, "Product analytics.", LegalBasis.LegitimateInterests));
            o.Consent.Purposes.Add(new ConsentPurpose(TargetedAds, "Targeted advertising.", LegalBasis.Consent) { OptOutByGlobalPrivacyControl = true });
            o.Consent.ControllerName = "Go Smart Ltd";
            o.Consent.ControllerContact = "privacy@gosmart.example";
            o.Consent.PolicyUrl = new Uri("https://gosmart.example/privacy");
            configure?.Invoke(o.Consent);
        }).AddConsentLedger().UseIdentityVerifier<AuthenticatedSubjectVerifier>();
        builder?.Invoke(privacy);
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Consent = Provider.GetRequiredService<IConsentService>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ServiceProvider Provider { get; }

    public IConsentService Consent { get; }

    public InMemoryConsentStore Store => (InMemoryConsentStore)Provider.GetRequiredService<IConsentStore>();

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
