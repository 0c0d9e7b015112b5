using GoSmart.Privacy.AspNetCore;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoSmart.Privacy;

/// <summary>Wraps crypto-shredding's data keys with ASP.NET Core Data Protection.</summary>
public static class DataProtectionKeyWrapping
{
    /// <summary>
    /// Wraps subjects' data keys with the host's Data Protection key ring (purpose <c>GoSmart.Privacy.SubjectKeys.v1</c>):
    /// the master key stays where Data Protection keeps it (a key ring directory, Azure Key Vault, Redis, …), never in the
    /// privacy database. Data Protection rotates its keys (every 90 days by default) and still unwraps with earlier ones;
    /// <see cref="IPersonalDataCipher.RewrapAsync"/> re-wraps every data key under the current one, no value re-encrypted.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPrivacyBuilder UseDataProtectionForSubjectKeys(this IPrivacyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDataProtection();
        builder.Services.TryAddSingleton<ISubjectKeyWrapper>(static sp => new DataProtectionKeyWrapper(sp.GetRequiredService<IDataProtectionProvider>()));
        return builder;
    }
}
