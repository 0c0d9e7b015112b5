using System.IO.Compression;
using System.Text.Json;
using GoSmart.Privacy.Tests.Models;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Requests;

public class AccessPackageTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");
    private static readonly SubjectRef Subject = new("acme", Ada.ToString());

    [Fact]
    public async Task The_json_package_holds_exactly_the_subjects_data_and_the_article_15_information()
    {
        await using var host = Host();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        host.Data.AddContact("acme", Guid.NewGuid(), "Grace", "grace@example.com");
        host.Data.AddContact("globex", Ada, "Other Ada", "other@example.com");
        host.Data.AddMessage("acme", Ada.ToString(), "See you at eight.");

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject));
        using var stream = new MemoryStream();
        var completed = await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);

        Assert.Equal(PrivacyRequestStatus.Completed, completed.Status);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        var contacts = root.GetProperty("data").GetProperty("crm.contacts");
        Assert.Equal(1, contacts.GetArrayLength());
        Assert.Equal("Ada", contacts[0].GetProperty("firstName").GetString());
        Assert.Equal(Ada, contacts[0].GetProperty("id").GetGuid());
        Assert.False(contacts[0].TryGetProperty("tenantId", out _));
        Assert.DoesNotContain("Grace", stream.ToArray().Length > 0 ? System.Text.Encoding.UTF8.GetString(stream.ToArray()) : "", StringComparison.Ordinal);
        Assert.DoesNotContain("Other Ada", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.Equal("See you at eight.", root.GetProperty("data").GetProperty("chat.messages")[0].GetProperty("text").GetString());

        var info = root.GetProperty("information");
        Assert.Equal("Go Smart Ltd, privacy@gosmart.example", info.GetProperty("controller").GetString());
        Assert.Equal(ProcessingPurposes.OperateService, info.GetProperty("purposes")[0].GetProperty("key").GetString());
        Assert.Equal("Contract", info.GetProperty("purposes")[0].GetProperty("legalBasis").GetString());
        var categories = info.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Contains(DataCategories.ContactEmail, categories);
        Assert.Contains(info.GetProperty("categories").EnumerateArray(), c => c.GetProperty("key").GetString() == DataCategories.Health && c.GetProperty("specialCategory").GetBoolean());
        Assert.Equal(["Hosting provider (EU)"], info.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(SubjectRights.All.Count, info.GetProperty("rights").GetArrayLength());
        Assert.Equal("Access", root.GetProperty("request").GetProperty("kind").GetString());
        Assert.Equal(1, (await host.Service.GetReportAsync(request.Id)).Handlers.Single(h => h.Handler == "crm.contacts").Result!.Applied);
    }

    [Fact]
    public async Task A_message_someone_else_wrote_keeps_the_subjects_own_mention_and_redacts_the_rest()
    {
        await using var host = Host();
        host.Data.AddMessage("acme", "grace", "Ada, the engine is ready.", new Participant(Ada.ToString(), "Ada Lovelace"), new Participant("charles", "Charles Babbage"));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject));
        using var stream = new MemoryStream();
        await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);

        using var doc = JsonDocument.Parse(stream.ToArray());
        var message = doc.RootElement.GetProperty("data").GetProperty("chat.messages")[0];
        Assert.Equal("", message.GetProperty("text").GetString()); // grace's words are grace's data
        Assert.StartsWith(RedactionContext.PseudonymPrefix, message.GetProperty("authorId").GetString(), StringComparison.Ordinal); // grace is not named
        var mentions = message.GetProperty("mentions");
        Assert.Equal(Ada.ToString(), mentions[0].GetProperty("userId").GetString());
        Assert.Equal("Ada Lovelace", mentions[0].GetProperty("displayName").GetString()); // Ada's own data stays
        Assert.Equal("", mentions[1].GetProperty("displayName").GetString()); // Charles's is redacted
        Assert.StartsWith(RedactionContext.PseudonymPrefix, mentions[1].GetProperty("userId").GetString(), StringComparison.Ordinal);
        Assert.Equal("Ada, the engine is ready.", host.Data.Messages[0].Value.Text); // the stored message is untouched
    }

    [Fact]
    public async Task The_zip_package_has_a_readable_readme_the_information_and_one_file_per_exporter()
    {
        await using var host = Host();
        host.Data.AddContact("acme", Ada, "Ada <script>", "ada@example.com");
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Portability, Subject));
        using var stream = new MemoryStream();

        await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Zip);

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["README.html", "data/chat.messages.json", "data/crm.contacts.json", "information.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using (var contacts = JsonDocument.Parse(zip.GetEntry("data/crm.contacts.json")!.Open()))
        {
            Assert.Equal("Ada <script>", contacts.RootElement[0].GetProperty("firstName").GetString());
        }

        using (var info = JsonDocument.Parse(zip.GetEntry("information.json")!.Open()))
        {
            Assert.Equal("Portability", info.RootElement.GetProperty("request").GetProperty("kind").GetString());
        }

        using var reader = new StreamReader(zip.GetEntry("README.html")!.Open());
        var html = await reader.ReadToEndAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1</td><td>data/crm.contacts.json</td>", html, StringComparison.Ordinal);
        Assert.Contains("To data portability", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        // The data itself, for a person: field names in words, values, nested records indented inside their field.
        Assert.Contains("<h3>Crm contacts</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>First name</dt><dd>Ada &lt;script&gt;</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Email address</dt><dd>ada@example.com</dd>", html, StringComparison.Ordinal);
        Assert.Matches("<dt>Address</dt><dd>(<dl>|<span class=\"none\">)", html);
        Assert.Contains("Contact email", html, StringComparison.Ordinal); // categories in plain words
    }

    [Fact]
    public async Task Portability_offers_a_csv_per_flat_area_next_to_its_json()
    {
        var accounts = new object[]
        {
            new Models.ChatProducts.RocketChatUser { Id = Ada.ToString(), Username = "ada", Name = "Lovelace, Ada \"the Countess\"" },
            new Models.ChatProducts.RocketChatUser { Id = Ada.ToString(), Username = "=HYPERLINK(\"evil\")", Name = null },
        };
        await using var host = new RequestTestHost(registerHandlers: false, handlers: b => b.Services.AddSingleton<IPersonalDataExporter>(new FlatExporter(accounts)));
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Portability, Subject));
        using var stream = new MemoryStream();

        await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Zip);

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("data/accounts.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split("\r\n");
        Assert.Equal("id,username,name", lines[0]);
        Assert.Equal(Ada + ",ada,\"Lovelace, Ada \"\"the Countess\"\"\"", lines[1]);
        Assert.Equal(Ada + ",\"'=HYPERLINK(\"\"evil\"\")\",", lines[2]); // a formula is never run by a spreadsheet
        Assert.NotNull(zip.GetEntry("data/accounts.json"));
    }

    /// <summary>An exporter of a flat type: one CSV row per record.</summary>
    private sealed class FlatExporter(IReadOnlyList<object> records) : IPersonalDataExporter
    {
        public string Name => "accounts";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Models.ChatProducts.RocketChatUser)];

        public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var record in records)
            {
                await Task.Yield();
                yield return record;
            }
        }
    }

    [Fact]
    public async Task A_package_is_written_only_for_access_and_portability_requests()
    {
        await using var host = Host();
        var erasure = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.WriteAccessPackageAsync(erasure.Id, Stream.Null, AccessPackageFormat.Json));

        Assert.Contains("Access and Portability", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_peoples_records_are_disclosed_without_their_retained_data_or_ids_and_the_exporters_objects_stay_unchanged()
    {
        var grace = new Contact { Id = Guid.NewGuid(), FirstName = "Grace", Company = "Remington Rand", Email = "grace@example.com" };
        var first = new ChatMessage("grace", "Ada, the engine is ready.") { Mentions = [new Participant(Ada.ToString(), "Ada Lovelace")] };
        var second = new ChatMessage("grace", "And the drawings.") { Mentions = [new Participant(Ada.ToString(), "Ada Lovelace")] };
        var shared = new SharedObjectsExporter([grace, first, second]);
        await using var host = new RequestTestHost(registerHandlers: false, handlers: b => b.Services.AddSingleton<IPersonalDataExporter>(shared));

        async Task<JsonElement> PackageAsync()
        {
            var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject));
            using var stream = new MemoryStream();
            await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);
            return JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("data").GetProperty("shared").Clone();
        }

        var one = await PackageAsync();
        var two = await PackageAsync();

        Assert.Equal("", one[0].GetProperty("firstName").GetString());
        Assert.Equal(JsonValueKind.Null, one[0].GetProperty("company").ValueKind); // retained under LegalClaims: kept, not disclosed
        Assert.Equal(one[1].GetProperty("authorId").GetString(), one[2].GetProperty("authorId").GetString()); // grace is one person throughout a package
        Assert.NotEqual(one[1].GetProperty("authorId").GetString(), two[1].GetProperty("authorId").GetString()); // and unlinkable across packages
        Assert.Equal("Grace", grace.FirstName);
        Assert.Equal("Remington Rand", grace.Company);
        Assert.Equal("Ada, the engine is ready.", first.Text);
        Assert.Equal("grace", first.AuthorId);
    }

    /// <summary>An exporter that hands over the host's own objects, not copies.</summary>
    private sealed class SharedObjectsExporter(IReadOnlyList<object> objects) : IPersonalDataExporter
    {
        public string Name => "shared";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact), typeof(ChatMessage)];

        public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var item in objects)
            {
                await Task.Yield();
                yield return item;
            }
        }
    }

    private static RequestTestHost Host() => new(configure: o =>
    {
        o.Disclosure.Controller = "Go Smart Ltd, privacy@gosmart.example";
        o.Disclosure.Purposes.Add(new DisclosedPurpose(ProcessingPurposes.OperateService, "Operate and administer your account.", LegalBasis.Contract));
        o.Disclosure.Recipients.Add("Hosting provider (EU)");
        o.Disclosure.Retention.Add(new DisclosedRetention("CRM contacts", "While the account is active, then 6 years for accounting."));
        o.Disclosure.Sources.Add("You, when you register.");
    });
}
