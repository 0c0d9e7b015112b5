using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static GoSmart.Privacy.Tests.Consent.ConsentTestHost;

namespace GoSmart.Privacy.Tests.Consent;

public class ConsentLedgerTests
{
    private static readonly SubjectRef Ada = new("acme", "ada");

    [Fact]
    public async Task A_grant_counts_and_a_withdrawal_takes_effect_for_the_very_next_check()
    {
        await using var host = new ConsentTestHost();

        Assert.False(host.Consent.HasConsent(Ada, Email));
        var granted = await host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web/newsletter") { Evidence = ConsentEvidence.For("forms/newsletter@v3", IPAddress.Parse("203.0.113.77"), "Firefox") });
        Assert.True(host.Consent.HasConsent(Ada, Email));
        Assert.True(await host.Consent.HasConsentAsync(Ada, Email));
        Assert.Equal(3, granted.NoticeVersion);
        Assert.Equal("203.0.113.0", granted.TruncatedIp);

        await host.Consent.WithdrawAsync(Ada, Email, ConsentMethod.EmailLink, "unsubscribe-link");

        Assert.False(host.Consent.HasConsent(Ada, Email));
        Assert.False(host.Consent.HasConsent(new SubjectRef("globex", "ada"), Email));
        Assert.Equal([ConsentDecision.Granted, ConsentDecision.Withdrawn], await host.Consent.HistoryAsync(Ada).Select(e => e.Decision).ToListAsync());
    }

    [Fact]
    public async Task A_material_notice_change_invalidates_older_grants_and_a_non_material_one_does_not()
    {
        var store = new InMemoryConsentStore(new ConsentChain(TestKeys.Key));
        await using (var v1 = new ConsentTestHost(store, c => Replace(c, Email, new NoticeVersion(1, true))))
        {
            await v1.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));
            Assert.True(v1.Consent.HasConsent(Ada, Email));
        }

        await using (var v2 = new ConsentTestHost(store, c => Replace(c, Email, new NoticeVersion(1, true), new NoticeVersion(2, false))))
        {
            Assert.True(v2.Consent.HasConsent(Ada, Email)); // wording fixed, not material: the v1 grant still counts
        }

        await using var v3 = new ConsentTestHost(store, c => Replace(c, Email, new NoticeVersion(1, true), new NoticeVersion(2, false), new NoticeVersion(3, true)));
        Assert.False(v3.Consent.HasConsent(Ada, Email)); // material: ask again
        await v3.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));
        Assert.True(v3.Consent.HasConsent(Ada, Email));
    }

    [Fact]
    public async Task A_grant_expires()
    {
        await using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(new ConsentGrant(Ada, Events, ConsentMethod.Form, "events.web") { ExpiresAt = host.Time.GetUtcNow().AddDays(30) });

        Assert.True(host.Consent.HasConsent(Ada, Events));
        host.Time.Advance(TimeSpan.FromDays(30));
        Assert.False(host.Consent.HasConsent(Ada, Events));
    }

    [Fact]
    public async Task A_legitimate_interest_purpose_is_allowed_until_the_subject_objects_in_the_ledger_or_by_request()
    {
        await using var host = new ConsentTestHost();
        var grace = new SubjectRef("acme", "grace");

        Assert.True(host.Consent.HasConsent(Ada, Analytics));
        await host.Consent.ObjectAsync(Ada, Analytics, ConsentMethod.Api, "crm.app/settings");
        Assert.False(host.Consent.HasConsent(Ada, Analytics));

        Assert.True(host.Consent.HasConsent(grace, Analytics));
        var requests = host.Provider.GetRequiredService<IPrivacyRequestService>();
        await requests.SubmitAsync(new(PrivacyRequestKind.Objection, grace) { Purpose = Analytics });
        Assert.False(host.Consent.HasConsent(grace, Analytics));
    }

    [Fact]
    public async Task A_global_privacy_control_signal_objects_to_sale_sharing_and_targeted_marketing_only()
    {
        await using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(new ConsentGrant(Ada, TargetedAds, ConsentMethod.Banner, "site/banner"));
        await host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));

        var events = await host.Consent.RecordGlobalPrivacyControlAsync(Ada, "site (Sec-GPC: 1)");

        Assert.Equal([TargetedAds], events.Select(e => e.Purpose));
        Assert.Equal(ConsentMethod.GlobalPrivacyControl, events[0].Method);
        Assert.False(host.Consent.HasConsent(Ada, TargetedAds));
        Assert.True(host.Consent.HasConsent(Ada, Email));
    }

    [Fact]
    public async Task A_child_under_the_age_of_digital_consent_cannot_consent_alone()
    {
        await using var host = new ConsentTestHost();
        var child = new SubjectRef("acme", "child");

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(child, Email, ConsentMethod.Form, "crm.web") { SubjectAge = 14, Country = "DE" }));
        Assert.Contains("16 in DE", ex.Message, StringComparison.Ordinal);
        await host.Consent.GrantAsync(new ConsentGrant(child, Email, ConsentMethod.Form, "crm.web") { SubjectAge = 14, Country = "AT" }); // 14 in Austria
        await host.Consent.GrantAsync(new ConsentGrant(child, Events, ConsentMethod.Form, "crm.web") { SubjectAge = 12, Country = "DE", Evidence = new ConsentEvidence { ParentalConsentReference = "parental/2026-03-01/42" } });

        Assert.Equal(13, DigitalConsentAge.For("BE"));
        Assert.Equal(15, DigitalConsentAge.For("FR"));
        Assert.Equal(16, DigitalConsentAge.For(null));
        Assert.Throws<PrivacyException>(() => DigitalConsentAge.For("US"));
        Assert.All(DigitalConsentAge.ByCountry.Values, age => Assert.InRange(age, 13, 16));
    }

    [Fact]
    public async Task Bad_input_gets_clear_exceptions_and_the_ledger_is_unchanged()
    {
        await using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));
        var before = await host.Store.GetHeadAsync("acme", default);

        Assert.Contains("not a configured purpose", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(Ada, "nope", ConsentMethod.Form, "x")))).Message, StringComparison.Ordinal);
        Assert.Contains("no notice version 7", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "x") { NoticeVersion = 7 }))).Message, StringComparison.Ordinal);
        Assert.Contains("takes no grants", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(Ada, Analytics, ConsentMethod.Form, "x")))).Message, StringComparison.Ordinal);
        Assert.Contains("no consent to withdraw", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.WithdrawAsync(Ada, Analytics, ConsentMethod.Form, "x"))).Message, StringComparison.Ordinal);
        Assert.Contains("no source", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, " ")))).Message, StringComparison.Ordinal);
        Assert.Contains("no subject", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(null!, Email, ConsentMethod.Form, "x")))).Message, StringComparison.Ordinal);
        Assert.Contains("not after now", (await Assert.ThrowsAsync<PrivacyException>(() => host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "x") { ExpiresAt = host.Time.GetUtcNow() }))).Message, StringComparison.Ordinal);
        Assert.Throws<PrivacyException>(() => host.Consent.HasConsent(Ada, "nope"));
        Assert.Throws<PrivacyException>(() => new SubjectRef("acme", ""));

        Assert.Equal(before, await host.Store.GetHeadAsync("acme", default));
        Assert.True(host.Consent.HasConsent(Ada, Email));
    }

    [Fact]
    public async Task A_receipt_carries_the_kantara_fields()
    {
        await using var host = new ConsentTestHost();
        var e = await host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));

        using var receipt = JsonDocument.Parse(host.Consent.CreateReceipt(e).ToJson());
        var root = receipt.RootElement;

        Assert.Equal("KI-CR-v1.1.0", root.GetProperty("version").GetString());
        Assert.Equal("EU", root.GetProperty("jurisdiction").GetString());
        Assert.Equal(e.At.ToUnixTimeSeconds(), root.GetProperty("consentTimestamp").GetInt64());
        Assert.Equal("Form", root.GetProperty("collectionMethod").GetString());
        Assert.Equal(e.Id, root.GetProperty("consentReceiptID").GetGuid());
        Assert.Equal("ada", root.GetProperty("piiPrincipalId").GetString());
        Assert.Equal("Go Smart Ltd", root.GetProperty("piiControllers")[0].GetProperty("piiController").GetString());
        Assert.Equal("https://gosmart.example/privacy", root.GetProperty("policyUrl").GetString());
        var purpose = root.GetProperty("services")[0].GetProperty("purposes")[0];
        Assert.Equal("EXPLICIT", purpose.GetProperty("consentType").GetString());
        Assert.Equal(DataCategories.ContactEmail, purpose.GetProperty("piiCategory")[0].GetString());
        Assert.True(purpose.GetProperty("thirdPartyDisclosure").GetBoolean());
        Assert.False(root.GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public async Task The_consent_history_is_part_of_the_access_package_and_is_retained_by_erasure()
    {
        await using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(new ConsentGrant(Ada, Email, ConsentMethod.Form, "crm.web"));
        await host.Consent.WithdrawAsync(Ada, Email, ConsentMethod.EmailLink, "unsubscribe-link");
        var requests = host.Provider.GetRequiredService<IPrivacyRequestService>();

        var access = await requests.SubmitAsync(new(PrivacyRequestKind.Access, Ada));
        using var package = new MemoryStream();
        await requests.WriteAccessPackageAsync(access.Id, package, AccessPackageFormat.Json);
        using var doc = JsonDocument.Parse(package.ToArray());
        var history = doc.RootElement.GetProperty("data").GetProperty("consent.history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("Withdrawn", history[1].GetProperty("decision").GetString());
        Assert.False(history[0].TryGetProperty("hash", out _));

        var erasure = await requests.SubmitAsync(new(PrivacyRequestKind.Erasure, Ada));
        var report = await requests.GetReportAsync(erasure.Id);
        var consent = report.Handlers.Single(h => h.Handler == "consent.history").Result!;
        Assert.Equal(0, consent.Changed);
        Assert.True(consent.Retained > 0);
        Assert.Equal(ErasureExemption.LegalClaims, consent.Exemptions.Single().Exemption);
        Assert.True((await host.Consent.VerifyIntegrityAsync("acme")).IsIntact);
    }

    private static void Replace(ConsentOptions options, string key, params NoticeVersion[] notices)
    {
        var old = options.Purposes.Single(p => p.Key == key);
        var purpose = new ConsentPurpose(key, old.Description, old.LegalBasis);
        foreach (var n in notices)
        {
            purpose.Notices.Add(n);
        }

        options.Purposes[options.Purposes.IndexOf(old)] = purpose;
    }
}
