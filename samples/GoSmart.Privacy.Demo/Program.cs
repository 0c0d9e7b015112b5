using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GoSmart.Privacy;
using GoSmart.Privacy.Demo;
using Microsoft.Extensions.DependencyInjection;

// The pseudonym key comes from the environment, as it would from configuration or a secret store.
// Without one, the demo makes a throwaway key for this run (pseudonyms then differ run to run).
var key = Environment.GetEnvironmentVariable("GOSMART_PRIVACY_PSEUDONYM_KEY");
if (string.IsNullOrEmpty(key))
{
    key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    Console.WriteLine("GOSMART_PRIVACY_PSEUDONYM_KEY is not set: using a throwaway key for this run.");
}

var services = new ServiceCollection();
services.AddGoSmartPrivacy(o => o.PseudonymKey = key);
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var redaction = provider.GetRequiredService<RedactionContext>();

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

Show(PersonalDataPlan.For<CrmContact>(), contact, redaction);
Show(PersonalDataPlan.For<ChatMessage>(), message, redaction);

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
