using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace GoSmart.Privacy;

/// <summary>Plugs the SDK's classifications into Microsoft.Extensions.Compliance redaction.</summary>
public static class PrivacyRedactionBuilderExtensions
{
    /// <summary>
    /// Registers redactors for the SDK's classifications: <see cref="PrivacyClassifications.Personal"/> and
    /// <see cref="PrivacyClassifications.SubjectId"/> become keyed pseudonyms (<see cref="PseudonymRedactor"/>);
    /// <see cref="PrivacyClassifications.Sensitive"/> is erased (<see cref="ErasingRedactor"/>). A logged
    /// <c>[PersonalField]</c> value is then redacted. Requires <c>AddGoSmartPrivacy</c>.
    /// </summary>
    /// <param name="builder">The redaction builder from <c>services.AddRedaction(b =&gt; …)</c>.</param>
    /// <returns>The same builder.</returns>
    public static IRedactionBuilder SetGoSmartPrivacyRedactors(this IRedactionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .SetRedactor<PseudonymRedactor>(new DataClassificationSet(PrivacyClassifications.Personal), new DataClassificationSet(PrivacyClassifications.SubjectId))
            .SetRedactor<ErasingRedactor>(new DataClassificationSet(PrivacyClassifications.Sensitive));
    }
}
