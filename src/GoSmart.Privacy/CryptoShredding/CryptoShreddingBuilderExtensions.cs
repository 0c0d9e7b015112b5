using GoSmart.Privacy.CryptoShredding;
using GoSmart.Privacy.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Turns crypto-shredding on.</summary>
public static class CryptoShreddingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IPersonalDataCipher"/> (per-subject AES-256-GCM keys, wrapped by the registered
    /// <see cref="ISubjectKeyWrapper"/>) and an erasure step that destroys the subject's key. The host must register a
    /// key wrapper — <c>UseDataProtectionForSubjectKeys()</c> (ASP.NET Core package) or its own — or it does not start.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder AddCryptoShredding(this IPrivacyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<ISubjectKeyStore, InMemorySubjectKeyStore>();
        services.TryAddSingleton<IPersonalDataCipher>(static sp => new PersonalDataCipher(sp.GetRequiredService<ISubjectKeyStore>(), MasterKey(sp),
            sp.GetRequiredService<RedactionContext>(), sp.GetRequiredService<IOptions<PrivacyOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<MasterKeyCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MasterKeyCheck>, MasterKeyCheck.Validator>());
        return builder.AddErasureHandler<CryptoShreddingHandler>();
    }

    private static ISubjectKeyWrapper MasterKey(IServiceProvider services) =>
        services.GetService<ISubjectKeyWrapper>() ?? throw new PrivacyException(MasterKeyCheck.Missing);

    /// <summary>The start-up check that a master key is there and wraps and unwraps.</summary>
    internal sealed class MasterKeyCheck
    {
        public const string Missing = "Crypto-shredding is on (AddCryptoShredding) but no master key is registered to wrap the subjects' data keys. Call UseDataProtectionForSubjectKeys() (GoSmart.Privacy.AspNetCore), or register your own ISubjectKeyWrapper (a KMS or HSM).";

        /// <summary>Fails start-up when the master key is missing or unusable.</summary>
        internal sealed class Validator(IServiceProvider services) : IValidateOptions<MasterKeyCheck>
        {
            public ValidateOptionsResult Validate(string? name, MasterKeyCheck options)
            {
                if (services.GetService<ISubjectKeyWrapper>() is not { } wrapper)
                {
                    return ValidateOptionsResult.Fail(Missing);
                }

                try
                {
                    var probe = new byte[32];
                    return wrapper.Unwrap(wrapper.Wrap(probe)).AsSpan().SequenceEqual(probe) ? ValidateOptionsResult.Success
                        : ValidateOptionsResult.Fail("The registered ISubjectKeyWrapper does not give back the key it wrapped. Check the master key's configuration.");
                }
                catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or InvalidOperationException)
                {
                    return ValidateOptionsResult.Fail("The master key that wraps subjects' data keys is unusable: " + ex.Message + " Check its configuration (for Data Protection, the key ring's location and protection).");
                }
            }
        }
    }
}
