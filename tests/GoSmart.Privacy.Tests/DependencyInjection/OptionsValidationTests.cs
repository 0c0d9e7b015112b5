using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.DependencyInjection;

public class OptionsValidationTests
{
    private static IServiceProvider Build(string? key)
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = key);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(null, "PseudonymKey is not set")]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "decodes to 16 bytes")]
    public void A_bad_key_fails_validation_naming_the_problem(string? key, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Build(key).GetRequiredService<IOptions<PrivacyOptions>>().Value);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_key_yields_a_redaction_context()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var context = Build(Convert.ToBase64String(key)).GetRequiredService<RedactionContext>();
        Assert.Equal(new RedactionContext(key).Pseudonymize("x"), context.Pseudonymize("x"));
    }

    [Fact]
    public async Task Validation_runs_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = null);
        await using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<IStartupValidator>();
        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Fact]
    public async Task The_sdk_resolves_in_a_host_that_added_nothing_else_not_even_logging()
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IPrivacyRequestService>());
        Assert.NotNull(provider.GetRequiredService<IProcessingRestrictions>());
    }

    [Theory]
    [InlineData(0, 3, "MaxParallelHandlers")]
    [InlineData(4, 11, "HandlerRetries")]
    public void Bad_engine_settings_fail_validation_naming_the_setting(int parallel, int retries, string expected)
    {
        var services = new ServiceCollection();
        services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            o.MaxParallelHandlers = parallel;
            o.HandlerRetries = retries;
            o.CertificateKey = "short";
        });
        var ex = Assert.Throws<OptionsValidationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("CertificateKey", ex.Message, StringComparison.Ordinal);
    }
}
