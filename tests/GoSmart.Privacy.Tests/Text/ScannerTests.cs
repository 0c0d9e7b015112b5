using GoSmart.Privacy.Text;

namespace GoSmart.Privacy.Tests.Text;

/// <summary>The free-text scanner on real chat lines: what it must find, what it must not, and input that must not break it.</summary>
public class ScannerTests
{
    private static readonly PersonalDataScanner Scanner = new();

    public static TheoryData<string, TextEntityType, string> Positives => new()
    {
        { "mail me at ada.lovelace+crm@example.co.uk tonight", TextEntityType.Email, "ada.lovelace+crm@example.co.uk" },
        { "call me on +44 20 7946 0018 after 6", TextEntityType.Phone, "+44 20 7946 0018" },
        { "my number is (415) 555-2671", TextEntityType.Phone, "(415) 555-2671" },
        { "my card 4111 1111 1111 1111 got charged twice", TextEntityType.PaymentCard, "4111 1111 1111 1111" },
        { "amex 3782-822463-10005 expired", TextEntityType.PaymentCard, "3782-822463-10005" },
        { "pay to GB82 WEST 1234 5698 7654 32 please", TextEntityType.Iban, "GB82 WEST 1234 5698 7654 32" },
        { "iban de89370400440532013000", TextEntityType.Iban, "de89370400440532013000" },
        { "my ssn is 123-45-6789", TextEntityType.UsSocialSecurityNumber, "123-45-6789" },
        { "social security 123456789 for the form", TextEntityType.UsSocialSecurityNumber, "123456789" },
        { "login from 203.0.113.77.", TextEntityType.IpAddress, "203.0.113.77" },
        { "ipv6 2001:db8::8a2e:370:7334 blocked", TextEntityType.IpAddress, "2001:db8::8a2e:370:7334" },
        { "reset link https://app.example.com/reset?user=ada&token=abc123 ok?", TextEntityType.IdentifyingUrl, "https://app.example.com/reset?user=ada&token=abc123" },
        { "I was born on 10/12/1815 in London", TextEntityType.DateOfBirth, "10/12/1815" },
        { "ich bin am 10. Dezember 1815 geboren", TextEntityType.DateOfBirth, "10. Dezember 1815" },
        { "birthday: December 10, 1815", TextEntityType.DateOfBirth, "December 10, 1815" },
    };

    public static TheoryData<string> Negatives => new()
    {
        "order #4111111111111112 ships tomorrow",          // fails Luhn
        "tracking 1Z999AA10123456784",
        "it costs 1,299.00 EUR, 20% off until 31/12/2026",
        "meeting 2026-03-01 at 10:30",
        "version 1.2.3 is out",
        "we are at 12.5.3.9.1 in the build",
        "table 666-12-3456 is invalid as an ssn",
        "reference 000-12-3456",
        "see https://example.com/docs?page=2&lang=en",
        "DE12345 is a postcode-ish code",
        "the temple run game is fun",                         // not a religious word in this list
        "christopher brought the cake",
        "the cancer zodiac sign",                               // stays a finding: topics are word lists (documented limit)
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Structured_personal_data_is_found_with_its_exact_span(string text, TextEntityType type, string expected)
    {
        var found = Scanner.Scan(text, new ScanContext { Region = "US" });

        var finding = Assert.Single(found, f => f.Type == type);
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
        Assert.InRange(finding.Confidence, 0.5, 1);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Numbers_that_are_not_personal_data_are_left_alone(string text)
    {
        var found = Scanner.Scan(text, new ScanContext { Region = "GB" });

        Assert.DoesNotContain(found, f => f.Type is TextEntityType.PaymentCard or TextEntityType.Phone or TextEntityType.UsSocialSecurityNumber or TextEntityType.Iban or TextEntityType.IpAddress or TextEntityType.IdentifyingUrl or TextEntityType.DateOfBirth);
        if (!text.Contains("cancer", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(found, f => f.Type == TextEntityType.SpecialCategory);
        }
    }

    [Theory]
    [InlineData("I'm on chemo this week", SpecialCategory.Health, "en", "chemo")]
    [InlineData("I am not religious at all", SpecialCategory.ReligiousOrPhilosophicalBeliefs, "en", "religious")] // negated: still religion
    [InlineData("Ich gehe sonntags in die Kirche", SpecialCategory.ReligiousOrPhilosophicalBeliefs, "de", "Kirche")]
    [InlineData("Je suis ENCEINTE de trois mois", SpecialCategory.Health, "fr", "ENCEINTE")]
    [InlineData("Mi hermano está en la cárcel", SpecialCategory.CriminalConvictions, "es", "cárcel")]
    [InlineData("mi hermano esta en la carcel", SpecialCategory.CriminalConvictions, "es", "carcel")] // no accent typed
    [InlineData("she joined the trade union last year", SpecialCategory.TradeUnionMembership, "en", "trade union")]
    [InlineData("ich bin Gewerkschaftsmitglied", SpecialCategory.TradeUnionMembership, "de", "Gewerkschaftsmitglied")]
    [InlineData("he has a criminal record", SpecialCategory.CriminalConvictions, "en", "criminal record")]
    [InlineData("my Diabetes is back", SpecialCategory.Health, "en", "Diabetes")]
    public void Art_9_and_10_topics_are_found_as_whole_words_in_four_languages(string text, SpecialCategory category, string language, string expected)
    {
        var finding = Assert.Single(Scanner.Scan(text), f => f.Type == TextEntityType.SpecialCategory);

        Assert.Equal((category, language, expected), (finding.Category!.Value, finding.Language, text.Substring(finding.Start, finding.Length)));
    }

    [Fact]
    public void Known_participants_are_found_by_full_name_and_by_name_whatever_the_case_and_accents()
    {
        var context = new ScanContext { Participants = ["Ada Lovelace", "Zoë Müller", "Bob"] };

        var found = Scanner.Scan("ask ada lovelace, then zoe MULLER; adam is someone else", context);

        Assert.Equal([(0, "ada lovelace", 0.9), (1, "zoe MULLER", 0.9)],
            found.Where(f => f.Type == TextEntityType.Participant).Select(f => (f.Participant!.Value, "ask ada lovelace, then zoe MULLER; adam is someone else".Substring(f.Start, f.Length), f.Confidence)));
        Assert.DoesNotContain(Scanner.Scan("Bobby and bob", context), f => f.Type == TextEntityType.Participant && f.Length != 3); // "Bobby" is not "Bob"
    }

    [Fact]
    public void Bad_input_never_throws_and_never_stalls()
    {
        Assert.Empty(Scanner.Scan(null));
        Assert.Empty(Scanner.Scan(string.Empty));
        Assert.Empty(Scanner.Scan("\uD800 lone \uDC00 surrogates \uD83D"));
        Assert.Empty(Scanner.Scan("a1" + string.Concat(Enumerable.Repeat("a1", 200_000)))); // letters and digits touching everywhere
        var huge = string.Concat(Enumerable.Repeat("call 415-555-2671 or mail x@example.com about chemo. ", 20_000)); // ~1 MB
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var found = Scanner.Scan(huge, new ScanContext { Region = "zz-unknown" });
        Assert.True(found.Count >= 40_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"1 MB took {watch.Elapsed}");
        Assert.Empty(Scanner.Scan(new string('1', 100_000) + "@" + new string('.', 100_000)));

        // Phone-shaped runs that never end: each run costs a few parses, not one per group (this was quadratic once).
        foreach (var run in new[] { "1 ", "12-", "+4 ", "(0) " }.Select(g => string.Concat(Enumerable.Repeat(g, 30_000))))
        {
            watch.Restart();
            Assert.Empty(Scanner.Scan(run, new ScanContext { Region = "GB" }));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{run[..8]}… took {watch.Elapsed}");
        }

        Assert.Equal(2_000, Scanner.Scan(string.Concat(Enumerable.Repeat("020 7946 0018 ", 2_000)), new ScanContext { Region = "GB" }).Count); // side by side, each one
    }

    [Fact]
    public void A_message_with_no_finding_allocates_nothing()
    {
        const string text = "see you at the usual place tomorrow, bring the slides and a coffee";
        Scanner.Scan(text);
        var found = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            found += Scanner.Scan(text).Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((0, 0L), (found, allocated));
    }

    [Fact]
    public void Broken_configuration_is_refused_with_the_fix()
    {
        var options = new TextScannerOptions { DefaultRegion = "XX" };
        options.Topics.Add(new TopicWords("it", SpecialCategory.Health, []));
        options.Topics.Add(new TopicWords("nl", SpecialCategory.Health, ["ziek"]));
        options.Topics.Add(new TopicWords("NL", SpecialCategory.Health, ["kanker"]));

        var ex = Assert.Throws<PrivacyException>(() => new PersonalDataScanner(options));

        Assert.Contains("DefaultRegion 'XX'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'it' word list for Health has no words", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Two 'NL' word lists are for Health", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_is_added_by_data()
    {
        var options = new TextScannerOptions { UseBuiltInTopics = false };
        options.Topics.Add(new TopicWords("it", SpecialCategory.Health, ["malattia", "chemioterapi*"]));

        var finding = Assert.Single(new PersonalDataScanner(options).Scan("faccio la chemioterapia da lunedì"));

        Assert.Equal(("it", SpecialCategory.Health), (finding.Language, finding.Category!.Value));
        Assert.Equal(4, PersonalDataScanner.BuiltIn().Select(l => l.Language).Distinct().Count());
    }

    [Fact]
    public void A_submission_check_warns_once_per_kind_the_policy_asks_users_not_to_send()
    {
        var check = SubmissionCheck.Of(Scanner, "on chemo, my diabetes too; card 4111 1111 1111 1111; I'm not religious; ping ada@example.com");

        Assert.True(check.ShouldWarn);
        Assert.Equal(["Health", "PaymentCard", "ReligiousOrPhilosophicalBeliefs"], check.WarningKinds);
        Assert.Contains(check.Warnings, w => w.StartsWith("This looks like health information.", StringComparison.Ordinal));
        Assert.Contains(check.Findings, f => f.Type == TextEntityType.Email); // found, but an e-mail is no reason to warn
        Assert.False(SubmissionCheck.Of(Scanner, "lunch at 12?").ShouldWarn);
        Assert.False(SubmissionCheck.Of(Scanner, null).ShouldWarn);
    }

    [Fact]
    public void Free_text_log_values_keep_their_words_and_lose_their_personal_data()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IPersonalDataScanner>(services, Scanner);
        Microsoft.Extensions.DependencyInjection.RedactionServiceCollectionExtensions.AddRedaction(services, r => r.SetRedactor<FreeTextRedactor>(new Microsoft.Extensions.Compliance.Classification.DataClassificationSet(PrivacyClassifications.FreeText)));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var redactor = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Compliance.Redaction.IRedactorProvider>(provider).GetRedactor(PrivacyClassifications.FreeText);

        Assert.Equal("call me on [Phone], I'm on [Health] this week, mail [Email]", redactor.Redact("call me on +1 415 555 2671, I'm on chemo this week, mail ada@example.com"));
        Assert.Equal("nothing to hide here", redactor.Redact("nothing to hide here"));
        Assert.Equal(string.Empty, redactor.Redact(string.Empty));
    }
}
