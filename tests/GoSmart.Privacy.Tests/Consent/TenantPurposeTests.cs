using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.Consent;

/// <summary>Processor mode: a customer asks its own Subscribers for its own consents.</summary>
public sealed class TenantPurposeTests
{
    private static readonly SubjectRef AcmeSubscriber = new("acme", "sub-1", DataSubjectKind.Subscriber);
    private static readonly SubjectRef GlobexSubscriber = new("globex", "sub-1", DataSubjectKind.Subscriber);

    private static void AcmeNewsletter(ConsentOptions o) =>
        o.TenantPurposes["acme"] = [new ConsentPurpose("acme.newsletter", "Acme's weekly bread offers.", LegalBasis.Consent)];

    [Fact]
    public async Task A_tenants_own_purpose_is_granted_checked_and_listed_for_its_subjects_only()
    {
        await using var host = new ConsentTestHost(configure: AcmeNewsletter);

        await host.Consent.GrantAsync(new ConsentGrant(AcmeSubscriber, "acme.newsletter", ConsentMethod.Form, "acme.example/signup"));
        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(GlobexSubscriber, "acme.newsletter", ConsentMethod.Form, "x")));

        Assert.True(host.Consent.HasConsent(AcmeSubscriber, "acme.newsletter"));
        Assert.Contains("not a configured purpose for tenant 'globex'", ex.Message, StringComparison.Ordinal);
        var options = host.Provider.GetRequiredService<IOptions<PrivacyOptions>>().Value.Consent;
        Assert.Contains(options.PurposesOf("acme"), p => p.Key == "acme.newsletter");
        Assert.DoesNotContain(options.PurposesOf("globex"), p => p.Key == "acme.newsletter");
        Assert.Empty(await host.Consent.HistoryAsync(GlobexSubscriber).ToListAsync()); // nothing half-written
    }

    [Fact]
    public void A_tenant_purpose_repeating_a_shared_key_is_a_start_up_error()
    {
        var ex = Assert.ThrowsAny<Exception>(() => new ConsentTestHost(configure: o =>
        {
            o.TenantPurposes["acme"] = [new ConsentPurpose(o.Purposes[0].Key, "Again.", LegalBasis.Consent)];
        }).Consent);

        Assert.Contains("TenantPurposes[\"acme\"]", ex.Message, StringComparison.Ordinal);
    }
}
