using GoSmart.Privacy.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the free-text scanner.</summary>
public static class TextScannerBuilderExtensions
{
    /// <summary>Adds <see cref="IPersonalDataScanner"/>, built (and its options checked) when first resolved.</summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="configure">Sets the default phone region and adds topic words or languages.</param>
    /// <returns>The builder.</returns>
    public static GoSmart.Privacy.IPrivacyBuilder AddTextScanner(this GoSmart.Privacy.IPrivacyBuilder builder, Action<TextScannerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TextScannerOptions();
        configure?.Invoke(options);
        builder.Services.TryAddSingleton<IPersonalDataScanner>(_ => new PersonalDataScanner(options));
        return builder;
    }
}
