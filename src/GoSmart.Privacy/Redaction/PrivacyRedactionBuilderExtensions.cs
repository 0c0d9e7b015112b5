using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using System.Reflection;
using GoSmart.Privacy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs the SDK's classifications into Microsoft.Extensions.Compliance redaction.</summary>
public static class PrivacyRedactionBuilderExtensions
{
    /// <summary>
    /// Registers redactors for the SDK's classifications: <see cref="PrivacyClassifications.Personal"/> and
    /// <see cref="PrivacyClassifications.SubjectId"/> become keyed pseudonyms (<see cref="PseudonymRedactor"/>);
    /// <see cref="PrivacyClassifications.Sensitive"/> is erased (<see cref="ErasingRedactor"/>). A logged
    /// <c>[PersonalField]</c> value is then redacted. Requires <c>AddGoSmartPrivacy</c>.
    /// </summary>
    /// <remarks>
    /// By default a logged value's pseudonym equals the value <see cref="ErasureStrategy.Hash"/> stores, so an operator
    /// can search the logs for a stored pseudonym: logging redaction's discriminator (which appends the tag name
    /// before redacting: <c>LoggerRedactionOptions.ApplyDiscriminator</c> of Microsoft.Extensions.Telemetry) is turned
    /// off when the host uses logging redaction. The SDK does not reference that package: it sets the option by name. Pass
    /// <paramref name="matchStoredPseudonyms"/> = <see langword="false"/> to keep per-field log pseudonyms instead.
    /// </remarks>
    /// <param name="builder">The redaction builder from <c>services.AddRedaction(b =&gt; …)</c>.</param>
    /// <param name="matchStoredPseudonyms">Whether log pseudonyms equal stored pseudonyms (default) or differ per logged field.</param>
    /// <returns>The same builder.</returns>
    public static IRedactionBuilder SetGoSmartPrivacyRedactors(this IRedactionBuilder builder, bool matchStoredPseudonyms = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (matchStoredPseudonyms)
        {
            TurnOffLogDiscriminator(builder.Services);
        }

        return builder
            .SetRedactor<PseudonymRedactor>(new DataClassificationSet(PrivacyClassifications.Personal), new DataClassificationSet(PrivacyClassifications.SubjectId))
            .SetRedactor<ErasingRedactor>(new DataClassificationSet(PrivacyClassifications.Sensitive));
    }

    private static void TurnOffLogDiscriminator(IServiceCollection services)
    {
        var options = Type.GetType("Microsoft.Extensions.Logging.LoggerRedactionOptions, Microsoft.Extensions.Telemetry", throwOnError: false);
        if (options?.GetProperty("ApplyDiscriminator") is not { PropertyType: var type, CanWrite: true } property || type != typeof(bool))
        {
            return; // the host does not use logging redaction: nothing appends a discriminator
        }

        typeof(PrivacyRedactionBuilderExtensions).GetMethod(nameof(SetFalse), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(options).Invoke(null, [services, property]);
    }

    private static void SetFalse<TOptions>(IServiceCollection services, PropertyInfo property)
        where TOptions : class => services.Configure<TOptions>(o => property.SetValue(o, false));
}
