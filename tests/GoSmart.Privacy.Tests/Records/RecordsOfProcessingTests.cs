using GoSmart.Privacy.Records;
using GoSmart.Privacy.Tests.CryptoShredding;
using GoSmart.Privacy.Tests.Models;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Records;

/// <summary>The records of processing (Art. 30) built from a CRM configuration: purposes matched to the members that hold their data, measures per member, gaps named.</summary>
public class RecordsOfProcessingTests
{
    private static readonly string ContactType = typeof(Contact).FullName!;

    [Fact]
    public void Each_purpose_lists_the_categories_entities_recipients_transfers_and_retention_that_apply_to_it()
    {
        var records = RecordsTestSetup.Build();

        var host = Assert.Single(records.Controllers);
        Assert.Null(host.TenantId);
        var operate = host.Activities.Single(a => a.Purpose == ProcessingPurposes.OperateService);
        var marketing = host.Activities.Single(a => a.Purpose == "marketing.communications.email");

        Assert.Equal(LegalBasis.Contract, operate.LegalBasis);
        Assert.Contains(DataCategories.FirstName, operate.DataCategories); // "user.name" covers "user.name.first"
        Assert.Contains(DataCategories.ContactStreet, operate.DataCategories); // nested Address.Street
        Assert.Contains(DataCategories.ContactPhone, operate.DataCategories); // through the Phones collection
        Assert.DoesNotContain(DataCategories.JobTitle, operate.DataCategories);
        Assert.Equal([SpecialCategory.Health], operate.SpecialCategories);
        Assert.Equal([DataSubjectKind.Customer], operate.SubjectKinds);
        Assert.Equal(["invoices"], operate.Retention.Select(r => r.Scope));
        Assert.Empty(operate.Transfers); // the US transfer serves marketing only
        Assert.Contains(ContactType, operate.Entities);

        Assert.Equal([DataCategories.ContactEmail], marketing.DataCategories);
        Assert.Equal(LegalBasis.Consent, marketing.LegalBasis);
        Assert.Equal(["Hosting provider (EU)", "Mailer Inc (e-mail delivery)"], marketing.Recipients);
        Assert.Equal("United States", Assert.Single(marketing.Transfers).Destination);
        Assert.Equal([typeof(VaultMember).FullName!, ContactType, typeof(Deal).FullName!], marketing.Entities); // ordinal order
        Assert.Empty(marketing.Retention);
    }

    [Fact]
    public void Every_member_has_the_measure_erasure_applies_and_each_entity_how_erasure_reaches_it()
    {
        var records = RecordsTestSetup.Build();
        var contact = records.Entities.Single(e => e.Type == ContactType);
        MemberRecord Member(string path) => contact.Members.Single(m => m.Path == path);

        Assert.Equal((EntityCoverage.Covered, true), (contact.Coverage, contact.IsRoot));
        Assert.Equal(["crm.contacts"], contact.Handlers);
        Assert.Equal(MemberMeasure.Pseudonymised, Member(nameof(Contact.Email)).Measure);
        Assert.Equal((MemberMeasure.Retained, ErasureExemption.LegalClaims), (Member(nameof(Contact.Company)).Measure, Member(nameof(Contact.Company)).Exemption));
        Assert.Equal(MemberMeasure.Masked, Member("Phones[].Number").Measure);
        Assert.Equal(SpecialCategory.Health, Member(nameof(Contact.HealthNote)).SpecialCategory);
        Assert.True(records.Entities.Single(e => e.Type == typeof(VaultMember).FullName).Members.Single(m => m.Path == nameof(VaultMember.Email)).IsCryptoShredded);
        Assert.False(Member(nameof(Contact.Email)).IsCryptoShredded);
        Assert.Equal(EntityCoverage.Uncovered, records.Entities.Single(e => e.Type == typeof(Deal).FullName).Coverage);
        Assert.Contains(records.TechnicalMeasures, m => m.StartsWith("Crypto-shredding: 2 member(s)", StringComparison.Ordinal));
        Assert.Contains(records.TechnicalMeasures, m => m.StartsWith("Pseudonymisation:", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_without_a_purpose_a_purpose_without_data_and_an_uncovered_entity_are_gaps_that_name_the_fix()
    {
        var records = RecordsTestSetup.Build(o => o.Consent.Purposes.Add(new ConsentPurpose("events.reminders", "Event reminders.", LegalBasis.Consent)));

        var jobTitle = records.Gaps.Single(g => g.Kind == RecordsGapKind.DataWithoutPurpose && g.Subject == DataCategories.JobTitle);
        Assert.Contains($"{ContactType}.Title", jobTitle.Message, StringComparison.Ordinal);
        Assert.Contains("Art. 5(1)(b)", jobTitle.Message, StringComparison.Ordinal);
        var events = records.Gaps.Single(g => g.Kind == RecordsGapKind.PurposeWithoutData);
        Assert.Equal("events.reminders", events.Subject);
        Assert.Contains("Categories", events.Message, StringComparison.Ordinal);
        var deal = records.Gaps.Single(g => g.Kind == RecordsGapKind.UncoveredEntity);
        Assert.Equal(typeof(Deal).FullName, deal.Subject);
        Assert.Contains("Coverage.OutOfScope", deal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledged_type_is_out_of_scope_with_its_reason_and_no_gap()
    {
        var records = RecordsTestSetup.Build(o => o.Coverage.OutOfScope.Add(new OutOfScopeType(typeof(Deal).FullName!, "The billing service erases deals.")));

        var deal = records.Entities.Single(e => e.Type == typeof(Deal).FullName);
        Assert.Equal((EntityCoverage.OutOfScope, "The billing service erases deals."), (deal.Coverage, deal.OutOfScopeReason));
        Assert.DoesNotContain(records.Gaps, g => g.Kind == RecordsGapKind.UncoveredEntity);
    }

    [Fact]
    public void A_tenant_the_host_processes_for_has_its_own_records_naming_the_host_as_processor_and_its_own_notice()
    {
        var records = RecordsTestSetup.Build(o =>
        {
            o.TenantDisclosures["acme"] = new PrivacyDisclosure { Controller = "Acme Ltd, privacy@acme.example" };
            o.TenantDisclosures["acme"].Purposes.Add(new("acme.crm", "Acme's customer relationships.", LegalBasis.LegitimateInterests) { Categories = [DataCategories.Contact] });
            o.Consent.TenantPurposes["globex"] = [new ConsentPurpose("globex.news", "Globex news.", LegalBasis.Consent) { Categories = { DataCategories.ContactEmail } }];
        });

        var acme = records.Controllers.Single(c => c.TenantId == "acme");
        Assert.Equal(("Acme Ltd, privacy@acme.example", "Go Smart Ltd, privacy@gosmart.example"), (acme.Controller, acme.Processor));
        Assert.Equal([DataSubjectKind.Subscriber], Assert.Single(acme.Activities).SubjectKinds);
        Assert.Contains(records.Gaps, g => g.Kind == RecordsGapKind.TenantWithoutController && g.Subject == "globex");

        var notice = PrivacyNotice.From(records, "acme");
        Assert.Equal("Acme Ltd, privacy@acme.example", notice.Controller);
        Assert.Contains("Go Smart Ltd", notice.ToMarkdown(), StringComparison.Ordinal);
        var unknown = Assert.Throws<PrivacyException>(() => PrivacyNotice.From(records, "initech"));
        Assert.Contains("TenantDisclosures[\"initech\"]", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_service_builds_the_records_of_the_running_configuration_with_the_consent_ledgers_own_purpose()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(TestKeys.Key);
            o.ServiceName = "crm";
            o.Disclosure.Controller = "Go Smart Ltd";
        }).AddConsentLedger();
        await using var provider = services.BuildServiceProvider();
        var records = provider.GetRequiredService<IRecordsOfProcessing>().Build();

        Assert.Equal("crm", records.Service);
        var consent = records.Entities.Single(e => e.Type == typeof(ConsentEvent).FullName);
        Assert.Equal(["consent.history"], consent.Handlers);
        var ledger = records.Controllers[0].Activities.Single(a => a.Purpose == "privacy.consent_records");
        Assert.Equal(LegalBasis.LegalObligation, ledger.LegalBasis);
        Assert.Contains(DataCategories.PrivacyPreferences, ledger.DataCategories);
        Assert.DoesNotContain(records.Gaps, g => g.Subject == DataCategories.PrivacyPreferences);
        Assert.Contains(records.TechnicalMeasures, m => m.StartsWith("Consent records:", StringComparison.Ordinal));
    }
}
