using System.Security.Cryptography;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GoSmart.Privacy.Tests.Compliance;

public partial class RedactionInteropTests
{
    private static ServiceProvider Services(bool matchStoredPseudonyms = true)
    {
        var services = new ServiceCollection();
        var key = Convert.ToBase64String(TestKeys.Key);
        services.AddGoSmartPrivacy(o => o.PseudonymKey = key);
        services.AddRedaction(b => b.SetGoSmartPrivacyRedactors(matchStoredPseudonyms));
        services.AddLogging(b =>
        {
            b.EnableRedaction();
            b.AddFakeLogging();
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_attributes_carry_Microsoft_classifications()
    {
        var attribute = (DataClassificationAttribute)typeof(Models.Contact).GetProperty(nameof(Models.Contact.Email))!.GetCustomAttributes(typeof(DataClassificationAttribute), true).Single();
        Assert.Equal(PrivacyClassifications.Personal, attribute.Classification);
        Assert.Equal(PrivacyClassifications.Sensitive, new SensitiveFieldAttribute(SpecialCategory.Health).Classification);
        Assert.Equal(PrivacyClassifications.SubjectId, new DataSubjectIdAttribute().Classification);
        Assert.Equal(DataClassification.None, new NotPersonalDataAttribute().Classification);
    }

    [Fact]
    public void Personal_values_become_the_same_pseudonyms_as_Hash_and_sensitive_values_are_erased()
    {
        using var provider = Services();
        var redactors = provider.GetRequiredService<IRedactorProvider>();

        var personal = redactors.GetRedactor(new DataClassificationSet(PrivacyClassifications.Personal)).Redact("ada@example.com");
        var sensitive = redactors.GetRedactor(new DataClassificationSet(PrivacyClassifications.Sensitive)).Redact("asthma");

        Assert.Equal(TestKeys.Context.Pseudonymize("ada@example.com"), personal);
        Assert.Equal("", sensitive);
    }

    [Fact]
    public void A_logged_PersonalField_parameter_is_the_pseudonym_Hash_stores()
    {
        using var provider = Services();
        var logger = provider.GetRequiredService<ILogger<RedactionInteropTests>>();
        var stored = new Models.Contact { Email = "ada@example.com" };
        PersonalDataPlans.For<Models.Contact>().Redact(stored, TestKeys.Context); // Email uses ErasureStrategy.Hash

        LogSignIn(logger, "ada@example.com", 3);

        var record = provider.GetFakeLogCollector().LatestRecord;
        Assert.DoesNotContain("ada@example.com", record.Message, StringComparison.Ordinal);
        Assert.Equal(stored.Email, record.GetStructuredStateValue("Email")); // an operator finds the stored pseudonym in the logs
        Assert.Equal($"Signed in {stored.Email} after 3 attempts", record.Message);
    }

    [Fact]
    public void Per_field_log_pseudonyms_are_kept_when_asked_for()
    {
        using var provider = Services(matchStoredPseudonyms: false);
        var logger = provider.GetRequiredService<ILogger<RedactionInteropTests>>();

        LogSignIn(logger, "ada@example.com", 3);

        // Microsoft's logging redaction appends ":<tag name>" before redacting (LoggerRedactionOptions.ApplyDiscriminator).
        Assert.Equal(TestKeys.Context.Pseudonymize("ada@example.com:Email"), provider.GetFakeLogCollector().LatestRecord.GetStructuredStateValue("Email"));
    }

    // Microsoft's logging generator creates classification attributes without arguments: [PersonalField] is that form.
    [LoggerMessage(1, LogLevel.Information, "Signed in {Email} after {Attempts} attempts")]
    private static partial void LogSignIn(ILogger logger, [PersonalField] string email, int attempts);
}
