using System.Net;
using System.Text;
using System.Text.Json;
using GoSmart.Privacy;
using GoSmart.Privacy.Demo;
using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Verification;

// The pseudonym key comes from the environment, as it would from configuration or a secret store.
// Without one, the demo makes a throwaway key for this run (pseudonyms then differ run to run).
var key = DemoKeys.FromEnvironment(out var throwaway);
if (throwaway)
{
    Console.WriteLine($"{DemoKeys.Variable} is not set: using a throwaway key for this run.");
}

// Everything the run writes goes to ./privacy-out: the privacy database (SQLite), the access package, the
// erasure certificate. Each run starts afresh, so the demo can be re-run.
var output = Path.GetFullPath("privacy-out");
Directory.CreateDirectory(output);
foreach (var old in Directory.GetFiles(output))
{
    File.Delete(old);
}

var database = Path.Combine(output, "privacy.db");
var store = new DemoStore();
await using var provider = Build(helpDesk: false);
var redaction = provider.GetRequiredService<RedactionContext>();

// The SDK as each service configures it (DemoPrivacy, shared with the gosmart-privacy tool's design-time services);
// the help desk's handler arrives in a later deploy (helpDesk: true).
ServiceProvider Build(bool helpDesk)
{
    var services = new ServiceCollection();
    services.AddSingleton(store);
    DemoPrivacy.Configure(services, key, "Data Source=" + database, helpDesk);
    return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
}

var contact = new CrmContact
{
    Id = Guid.Parse("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21"),
    TenantId = "acme",
    FullName = "Ada Lovelace",
    Email = "ada@example.com",
    Title = "Analyst",
    Company = "Analytical Engines Ltd",
    CardLastFour = "4242",
    InvoicedTotal = 1299.00m,
    LastIp = IPAddress.Parse("203.0.113.77"),
    BirthDate = new DateOnly(1815, 12, 10),
    Note = "prefers large print",
    Phones = [new CrmPhone { Number = "+44 20 7946 0018", Label = "work" }],
    LeadScore = 87,
};
var message = new ChatMessage("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21", "Can you send the contract to my home address?")
{
    SentAt = new DateTimeOffset(2026, 11, 20, 14, 31, 5, TimeSpan.Zero),
    Attachments = ["passport-scan.pdf"],
};

store.Contacts.Add(("acme", contact.Copy()));
store.Messages.Add(("acme", message with { }));
store.Messages.Add(("acme", new ChatMessage("grace", "Ada, the engine drawings are ready.") { SentAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), Mentions = [new ChatMention(contact.Id.ToString(), "Ada Lovelace"), new ChatMention("charles", "Charles Babbage")], Reactions = [new ChatReaction(contact.Id.ToString(), "Ada Lovelace", "👍"), new ChatReaction("charles", "Charles Babbage", "🎉")] }));
store.Messages.Add(("acme", new ChatMessage("charles", "I'll ask ada lovelace, she is on 020 7946 0018 or ada@example.com. Grace is at grace@example.com.") { SentAt = new DateTimeOffset(2026, 11, 21, 9, 5, 0, TimeSpan.Zero) }));
store.Contacts.Add(("globex", contact.Copy())); // the same person as a Subscriber of another tenant: never touched below

Show(PersonalDataPlans.For<CrmContact>(), contact, redaction);
Show(PersonalDataPlans.For<ChatMessage>(), message, redaction);
store.Contacts.Add(("acme", new CrmContact { Id = Guid.Parse("0d6f3c2e-1b6a-4f0e-8a77-3c5b1d9e2f40"), TenantId = "acme", FullName = "Grace Hopper", Email = "grace@example.com" }));
await Consents(provider.GetRequiredService<IConsentService>(), new SubjectRef("acme", contact.Id.ToString()));
store.Tickets.Add(("acme", new SupportTicket { Id = "T-1001", CustomerId = contact.Id.ToString(), Body = "My invoice shows my old address." }));
await Requests(provider.GetRequiredService<IPrivacyRequestService>(), () => Build(helpDesk: true), new SubjectRef("acme", contact.Id.ToString()), store, output);
await EntityFrameworkSection.RunAsync(key, output);
await RetentionSection.RunAsync(key, output);
await RecordsSection.WriteAsync(Build(helpDesk: true), output);
Console.WriteLine();
Console.WriteLine($"== Everything this run wrote is in {output}:");
foreach (var file in Directory.GetFiles(output).Order(StringComparer.Ordinal))
{
    Console.WriteLine($"   {Path.GetFileName(file),-56} {new FileInfo(file).Length,10:N0} bytes");
}

static async Task Consents(IConsentService consent, SubjectRef subject)
{
    Console.WriteLine();
    Console.WriteLine($"== Consent (Art. 7) for a {subject}");
    await consent.GrantAsync(new ConsentGrant(subject, "marketing.communications.email", ConsentMethod.Form, "crm.web/newsletter") { Evidence = ConsentEvidence.For("forms/newsletter@v1", IPAddress.Parse("203.0.113.77"), "Firefox") });
    await consent.GrantAsync(new ConsentGrant(subject, "transfer.united-states", ConsentMethod.Form, "crm.web/settings"));
    await consent.GrantAsync(new ConsentGrant(subject, "marketing.targeted", ConsentMethod.Banner, "site/banner"));
    Console.WriteLine($"-- granted: e-mail marketing, US transfer, targeted ads → e-mail allowed: {consent.HasConsent(subject, "marketing.communications.email")}");
    await consent.WithdrawAsync(subject, "marketing.communications.email", ConsentMethod.EmailLink, "unsubscribe-link");
    Console.WriteLine($"-- withdrawn by the unsubscribe link → e-mail allowed: {consent.HasConsent(subject, "marketing.communications.email")}");
    await consent.RecordGlobalPrivacyControlAsync(subject, "site (Sec-GPC: 1)");
    Console.WriteLine($"-- a Global Privacy Control signal → targeted ads allowed: {consent.HasConsent(subject, "marketing.targeted")}; US transfer allowed: {consent.HasConsent(subject, "transfer.united-states")}");
    var integrity = await consent.VerifyIntegrityAsync(subject.TenantId);
    Console.WriteLine($"-- the ledger's hash chain verifies: {integrity.IsIntact} ({integrity.EventsChecked} events)");
}

static async Task Requests(IPrivacyRequestService requests, Func<ServiceProvider> redeploy, SubjectRef subject, DemoStore store, string output)
{
    Console.WriteLine();
    Console.WriteLine($"== Data-subject requests for a {subject}, across crm.contacts, chat.messages and consent.history");
    var access = await requests.SubmitAsync(new(PrivacyRequestKind.Access, subject));
    Console.Write("-- access (Art. 15): verified, writing the package ...");
    var packagePath = Path.Combine(output, $"access-{access.Id:N}.zip");
    await using (var file = File.Create(packagePath))
    {
        access = await requests.WriteAccessPackageAsync(access.Id, file, AccessPackageFormat.Zip);
    }

    Console.WriteLine($" {access.Status}, due {access.DueAt:yyyy-MM-dd}");
    using (var zip = System.IO.Compression.ZipFile.OpenRead(packagePath))
    {
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("data/", StringComparison.Ordinal)))
        {
            if (entry.FullName.EndsWith(".csv", StringComparison.Ordinal))
            {
                Console.WriteLine($"   {entry.FullName,-28} the same records for a spreadsheet");
                continue;
            }

            using var doc = JsonDocument.Parse(entry.Open());
            Console.WriteLine($"   {entry.FullName,-28} {doc.RootElement.GetArrayLength()} record(s)");
            if (entry.FullName == "data/chat.messages.json" && doc.RootElement.GetArrayLength() > 1)
            {
                Console.WriteLine($"   grace's message as Ada sees it (Art. 15(4)): {JsonSerializer.Serialize(doc.RootElement[1], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}");
            }
        }
    }

    Console.Write("-- erasure (Art. 17): running every handler ...");
    var erasure = await requests.SubmitAsync(new(PrivacyRequestKind.Erasure, subject));
    Console.WriteLine($" {erasure.Status}: no handler covers {string.Join(", ", erasure.UncoveredTypes)}; ticket T-1001 still reads \"{store.Tickets[0].Ticket.Body}\"");
    Console.Write("-- the help desk's handler is deployed; the erasure is retried ...");
    await using var redeployed = redeploy();
    requests = redeployed.GetRequiredService<IPrivacyRequestService>();
    erasure = await requests.RetryAsync(erasure.Id);
    var report = await requests.GetReportAsync(erasure.Id);
    Console.WriteLine($" {erasure.Status}; ticket T-1001 now reads \"{store.Tickets[0].Ticket.Body}\"");
    foreach (var handler in report.Handlers)
    {
        var r = handler.Result!;
        var exemptions = string.Join(", ", r.Exemptions.Select(e => $"{e.Count} under {e.Exemption}"));
        Console.WriteLine($"   {handler.Handler,-16} {handler.State}: {r.Changed} changed, {r.Retained} retained{(exemptions.Length > 0 ? " (" + exemptions + ")" : "")}, recipients told: {(r.RecipientsNotified.Count == 0 ? "none" : string.Join(", ", r.RecipientsNotified))}");
    }

    var certificate = await requests.GetErasureCertificateAsync(erasure.Id);
    await File.WriteAllTextAsync(Path.Combine(output, $"erasure-certificate-{erasure.Id:N}.json"), certificate.ToJson());
    Console.WriteLine($"   certificate {certificate.Signature[..12]}… verifies: {requests.VerifyCertificate(certificate)}; tampered verifies: {requests.VerifyCertificate(certificate with { TenantId = "globex" })}");
    Console.WriteLine($"   acme's contact now: {store.Contacts[0].Contact.FullName switch { "" => "(name erased)", var n => n }}, {store.Contacts[0].Contact.Email}; globex's copy: {store.Contacts[1].Contact.FullName}; Grace untouched: {store.Contacts[2].Contact.FullName}");
    var graces = store.Messages[1].Message;
    Console.WriteLine($"   charles's message, which names Ada but holds no part of hers: \"{store.Messages[2].Message.Text}\"");
    Console.WriteLine($"   grace's message after Ada's erasure: text \"{graces.Text}\"; mentions [{string.Join(", ", graces.Mentions.Select(m => $"\"{m.DisplayName}\""))}]; reactions [{string.Join(", ", graces.Reactions.Select(r => $"{r.Emoji} \"{r.DisplayName}\""))}]");
}

static void Show<T>(IPersonalDataPlan<T> plan, T value, RedactionContext redaction)
    where T : class
{
    Console.WriteLine();
    Console.WriteLine($"== {typeof(T).Name}: plan ({plan.Source}), subject id at '{plan.SubjectIdPath}'");
    foreach (var m in plan.Members)
    {
        var exemption = m.Exemption == ErasureExemption.None ? "" : $" ({m.Exemption})";
        Console.WriteLine($"   {m.Path,-18} {m.Category,-34} {(m.IsSubjectId ? "subject id" : m.Erasure + exemption)}");
    }

    Console.WriteLine($"-- export (GDPR Art. 15/20):");
    Console.WriteLine(Export(plan, value));

    var report = plan.Redact(value, redaction);
    Console.WriteLine($"-- after erasure (GDPR Art. 17): {report}");
    foreach (var entry in report.Entries.Where(e => e.Count > 0))
    {
        var exemption = entry.Exemption == ErasureExemption.None ? "" : $" under {entry.Exemption}";
        Console.WriteLine($"   {entry.Path,-18} {entry.Outcome}{exemption}");
    }

    Console.WriteLine(Export(plan, value));
}

static string Export<T>(IPersonalDataPlan<T> plan, T value)
{
    using var stream = new MemoryStream();
    using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        plan.WriteJson(writer, value);
    }

    return Encoding.UTF8.GetString(stream.ToArray());
}
