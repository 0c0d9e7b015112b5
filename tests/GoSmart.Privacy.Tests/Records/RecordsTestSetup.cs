using GoSmart.Privacy.Records;
using GoSmart.Privacy.Requests.Handlers;
using GoSmart.Privacy.Tests.CryptoShredding;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Records;

/// <summary>A CRM service's configuration, as a host writes it, and the records built from it over known root types.</summary>
internal static class RecordsTestSetup
{
    public static PrivacyOptions Options(Action<PrivacyOptions>? change = null)
    {
        var o = new PrivacyOptions { ServiceName = "crm" };
        o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
        o.Disclosure.Purposes.Add(new(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract)
        {
            Categories = [DataCategories.UniqueId, DataCategories.Name, DataCategories.Contact, DataCategories.Financial, DataCategories.Health],
            SubjectKinds = [DataSubjectKind.Customer],
        });
        o.Disclosure.Recipients.Add("Hosting provider (EU)");
        o.Disclosure.Transfers.Add(new DisclosedTransfer("United States", "Standard contractual clauses") { Purposes = ["marketing.communications.email"] });
        o.Consent.Purposes.Add(new ConsentPurpose("marketing.communications.email", "E-mails about our products.", LegalBasis.Consent) { Categories = { DataCategories.ContactEmail }, ThirdParties = { "Mailer Inc (e-mail delivery)" } });
        o.Retention.Rules.Add(new RetentionRule { Name = "invoices", Scope = RetentionScope.Category, Target = DataCategories.Payment, Anchor = "the invoice", Period = RetentionPeriod.Years(6), LegalReason = "tax law" });
        change?.Invoke(o);
        return o;
    }

    public static RecordsOfProcessing Build(PrivacyOptions options, params Type[] roots) =>
        RecordsBuilder.Build(options, [new CoveringHandler("crm.contacts", typeof(Contact)), new CoveringHandler("vault.members", typeof(VaultMember))], new ErasureCoverage([typeof(Contact), typeof(VaultMember)], options.Coverage, roots), new RecordsFeatures(ConsentLedger: false, FreeText: false));

    public static RecordsOfProcessing Build(Action<PrivacyOptions>? change = null) => Build(Options(change), typeof(Contact), typeof(Deal), typeof(VaultMember));

    /// <summary>An erasure handler that only declares what it covers.</summary>
    internal sealed class CoveringHandler(string name, params Type[] covers) : IErasureHandler
    {
        public string Name => name;

        public IReadOnlyCollection<Type> Covers => covers;

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
