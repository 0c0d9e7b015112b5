using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GoSmart.Privacy.Tests.Infrastructure;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>What the endpoints say to people comes in the visitor's language — English, German, French, Spanish — with dates in its format.</summary>
public partial class PrivacyTextsTests
{
    /// <summary>Texts that are the same word in English and the language: "No" in Spanish, "Name" and "Browser" in German, "Messages" in French.</summary>
    private static readonly HashSet<(string, string)> SameWord =
    [
        ("es", "Consent.No"),
        ("de", "Category.user.name"), ("de", "Category.user.device.browser"), ("de", "Category.user.contact.url"), ("de", "Category.user.contact.organization"),
        ("fr", "Category.user.contact.organization"), ("fr", "Category.user.content.message"),
        ("de", "Category.user.device.cookie"), ("fr", "Category.user.device.cookie"), ("es", "Category.user.device.cookie"),
    ];

    [Fact]
    public void Every_language_has_every_text_with_the_same_placeholders()
    {
        static Dictionary<string, string> Read(string file) =>
            XDocument.Load(Repository.Path("src", "GoSmart.Privacy.AspNetCore", "Texts", file)).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var english = Read("PrivacyTexts.resx");

        foreach (var language in new[] { "de", "fr", "es" })
        {
            var texts = Read($"PrivacyTexts.{language}.resx");
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, text) in english)
            {
                Assert.True(Placeholders(text).SequenceEqual(Placeholders(texts[name])), $"{language}: '{name}' has other placeholders than the English text");
                Assert.True(text != texts[name] || SameWord.Contains((language, name)), $"{language}: '{name}' is the English text, copied rather than translated");
            }
        }

        Assert.All(Enum.GetNames<PrivacyRequestStatus>(), s => Assert.Contains("Status." + s, english.Keys));
        Assert.All(Enum.GetNames<PrivacyRequestKind>(), k => Assert.Contains("Right." + k, english.Keys));
    }

    [Fact]
    public void Data_categories_are_named_for_a_person_in_each_language_falling_back_to_the_nearest_parent()
    {
        var german = System.Globalization.CultureInfo.GetCultureInfo("de");
        Assert.Equal("E-Mail-Adresse", GoSmart.Privacy.AspNetCore.PrivacyTexts.Category(DataCategories.ContactEmail, german));
        Assert.Equal("E-Mail-Adresse", GoSmart.Privacy.AspNetCore.PrivacyTexts.Category(DataCategories.ContactEmail + ".work", german)); // a host's own sub-category
        Assert.Equal("Kontaktdaten", GoSmart.Privacy.AspNetCore.PrivacyTexts.Category(DataCategories.Contact, german));
        Assert.Equal("Loyalty points", GoSmart.Privacy.AspNetCore.PrivacyTexts.Category("user.loyalty_points", german)); // not "Daten über Sie"
        Assert.Equal("Custom loyalty points", GoSmart.Privacy.AspNetCore.PrivacyTexts.Category("custom.loyalty_points", german)); // no text: the key in words
        Assert.Equal("Santé", GoSmart.Privacy.AspNetCore.PrivacyTexts.Special(SpecialCategory.Health, System.Globalization.CultureInfo.GetCultureInfo("fr")));
        foreach (var key in typeof(DataCategories).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
        {
            Assert.NotEqual(GoSmart.Privacy.Records.RecordsWords.Category(key), GoSmart.Privacy.AspNetCore.PrivacyTexts.Category(key, System.Globalization.CultureInfo.GetCultureInfo("es"))); // every key of the taxonomy has Spanish words
        }
    }

    [Fact]
    public async Task A_german_visitor_gets_the_answer_the_email_and_the_links_page_in_german()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client(null, null);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");

        var answer = await (await client.PostAsJsonAsync("/privacy/public/requests", new { email = "ada@example.com", right = "erasure" })).Content.ReadFromJsonAsync<JsonElement>();
        var mail = Assert.Single(host.Mail.Sent);
        var page = await (await host.Browser().GetAsync(mail.Link.PathAndQuery)).Content.ReadAsStringAsync();

        Assert.StartsWith("Danke.", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bestätigen Sie Ihre Datenschutzanfrage", mail.Subject);
        Assert.Contains("die Löschung Ihrer Daten", mail.Text, StringComparison.Ordinal);
        Assert.Contains("2. März 2026", mail.Text, StringComparison.Ordinal); // the link's expiry, in German
        Assert.Contains("lang=de", mail.Link.Query, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", page, StringComparison.Ordinal);
        Assert.Contains("Meine Anfrage bestätigen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_list_says_each_status_in_plain_words_in_the_callers_language_and_lang_overrides_the_header()
    {
        await using var host = await EndpointTestHost.StartAsync();
        var client = host.Client("acme", Guid.NewGuid().ToString());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await client.PostAsJsonAsync("/privacy/me/requests", new { kind = "erasure" });

        var spanish = await client.GetFromJsonAsync<JsonElement>("/privacy/me/requests");
        var french = await client.GetFromJsonAsync<JsonElement>("/privacy/me/requests?lang=fr");

        Assert.Equal("completed", spanish[0].GetProperty("status").GetString());
        Assert.Equal("Hecha", spanish[0].GetProperty("statusText").GetString());
        Assert.Equal("Terminée", french[0].GetProperty("statusText").GetString());
        Assert.Equal("selfService", spanish[0].GetProperty("channel").GetString());
    }

    private static IEnumerable<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
