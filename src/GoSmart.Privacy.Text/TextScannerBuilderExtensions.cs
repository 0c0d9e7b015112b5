using GoSmart.Privacy.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the free-text scanner.</summary>
public static class TextScannerBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IPersonalDataScanner"/>, built (and its options checked) when first resolved, and the free-text
    /// redaction requests use on <see cref="GoSmart.Privacy.FreeTextAttribute"/> members of other people's records:
    /// erasure replaces the erased subject's mentions, access packages mask third parties' data.
    /// </summary>
    /// <param name="builder">The privacy builder.</param>
    /// <param name="configure">Sets the default phone region and adds topic words or languages.</param>
    /// <returns>The builder.</returns>
    public static GoSmart.Privacy.IPrivacyBuilder AddTextScanner(this GoSmart.Privacy.IPrivacyBuilder builder, Action<TextScannerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TextScannerOptions();
        configure?.Invoke(options);
        builder.Services.TryAddSingleton<IPersonalDataScanner>(_ => new PersonalDataScanner(options));
        builder.Services.TryAddSingleton(sp => new SubjectIdentityCache(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.TryAddScoped<GoSmart.Privacy.IFreeTextRedaction>(sp => new ScannerFreeTextRedaction(
            sp.GetRequiredService<IPersonalDataScanner>(),
            sp.GetServices<ISubjectIdentifierSource>(),
            options,
            sp.GetRequiredService<SubjectIdentityCache>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ScannerFreeTextRedaction>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ScannerFreeTextRedaction>.Instance));
        return builder;
    }

    /// <summary>
    /// Adds a source of how subjects are written about in text (names, e-mail addresses, phone numbers), which the free-text
    /// redaction asks when it erases a subject's mentions in other people's <see cref="GoSmart.Privacy.FreeTextAttribute"/>
    /// text and when it keeps the subject's own data unmasked in their access package. Resolved per request (scoped).
    /// </summary>
    /// <typeparam name="TSource">The source, e.g. one reading the host's user directory.</typeparam>
    /// <param name="builder">The privacy builder.</param>
    /// <returns>The builder.</returns>
    public static GoSmart.Privacy.IPrivacyBuilder AddSubjectIdentifiers<TSource>(this GoSmart.Privacy.IPrivacyBuilder builder)
        where TSource : class, ISubjectIdentifierSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ISubjectIdentifierSource, TSource>();
        return builder;
    }
}
