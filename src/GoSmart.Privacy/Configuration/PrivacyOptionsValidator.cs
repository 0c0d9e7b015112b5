using Microsoft.Extensions.Options;
using GoSmart.Privacy.Certificates;
using GoSmart.Privacy.Retention;

namespace GoSmart.Privacy;

/// <summary>Validates <see cref="PrivacyOptions"/>, listing every problem at once.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IEnumerable<string> Problems(PrivacyOptions options) => KeyProblems(options).Concat(EngineProblems(options)).Concat(ConsentProblems(options.Consent)).Concat(RetentionRules.Problems(options.Retention)).Concat(CryptoProblems(options.CryptoShredding));

    private static IEnumerable<string> CryptoProblems(CryptoShreddingOptions crypto)
    {
        if (crypto.KeyCacheLifetime < TimeSpan.Zero || crypto.KeyCacheLifetime > TimeSpan.FromHours(1))
        {
            yield return $"PrivacyOptions.CryptoShredding.KeyCacheLifetime is {crypto.KeyCacheLifetime}: keep keys between zero and one hour, or other instances read a shredded subject's data that long.";
        }

        if (crypto.KeyCacheSize < 1)
        {
            yield return $"PrivacyOptions.CryptoShredding.KeyCacheSize is {crypto.KeyCacheSize}: cache at least one key, e.g. 10000.";
        }
    }

    private static IEnumerable<string> ConsentProblems(ConsentOptions consent)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in PurposeProblems(consent.Purposes, shared, "PrivacyOptions.Consent.Purposes"))
        {
            yield return problem;
        }

        foreach (var (tenant, purposes) in consent.TenantPurposes)
        {
            foreach (var problem in PurposeProblems(purposes ?? [], new HashSet<string>(shared, StringComparer.Ordinal), $"PrivacyOptions.Consent.TenantPurposes[\"{tenant}\"] (a key may not repeat a shared purpose's)"))
            {
                yield return problem;
            }
        }

        if (consent.DefaultCountry is { } country && !DigitalConsentAge.ByCountry.ContainsKey(country))
        {
            yield return $"PrivacyOptions.Consent.DefaultCountry '{country}' is not an EU/EEA member state code. Use an ISO 3166 alpha-2 code such as DE, or leave it unset for the GDPR default age of 16.";
        }
    }

    private static IEnumerable<string> PurposeProblems(IEnumerable<ConsentPurpose> purposes, HashSet<string> keys, string where)
    {
        foreach (var purpose in purposes)
        {
            if (purpose is null || string.IsNullOrWhiteSpace(purpose.Key))
            {
                yield return "A consent purpose has no key. Give each purpose a key such as 'marketing.communications.email'.";
                continue;
            }

            if (!keys.Add(purpose.Key))
            {
                yield return $"The consent purpose '{purpose.Key}' is configured twice in {where}. Configure each purpose once.";
            }

            if (!Enum.IsDefined(purpose.LegalBasis))
            {
                yield return $"The consent purpose '{purpose.Key}' has the legal basis {(int)purpose.LegalBasis}, which is not a LegalBasis.";
            }

            var versions = purpose.Notices.Select(n => n.Version).ToList();
            if (versions.Any(v => v < 1) || versions.Distinct().Count() != versions.Count || !versions.SequenceEqual(versions.Order()))
            {
                yield return $"The notice versions of '{purpose.Key}' ({string.Join(", ", versions)}) must be distinct, from 1, oldest first.";
            }
        }
    }

    private static IEnumerable<string> EngineProblems(PrivacyOptions options)
    {
        if (options.CertificateSigningKeyPem is { Length: > 0 } pem && SigningKeyProblem(pem) is { } problem)
        {
            yield return "PrivacyOptions.CertificateSigningKeyPem: " + problem;
        }

        if (options.ControllerTimeZone is null)
        {
            yield return "PrivacyOptions.ControllerTimeZone is null. Leave it at UTC, or set it to the controller's zone, e.g. TimeZoneInfo.FindSystemTimeZoneById(\"Europe/Berlin\").";
        }

        if (options.CertificateKey is { Length: > 0 } certificateKey)
        {
            var buffer = new byte[certificateKey.Length];
            if (!Convert.TryFromBase64String(certificateKey, buffer, out var length) || length < RedactionContext.MinimumKeyLength)
            {
                yield return $"PrivacyOptions.CertificateKey must be base64 of at least {RedactionContext.MinimumKeyLength} bytes. Generate one with Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), or leave it unset to derive it from the pseudonym key.";
            }
        }

        if (options.MaxParallelHandlers is < 1 or > 64)
        {
            yield return $"PrivacyOptions.MaxParallelHandlers is {options.MaxParallelHandlers}; it must be between 1 and 64.";
        }

        if (options.HandlerRetries is < 0 or > 10)
        {
            yield return $"PrivacyOptions.HandlerRetries is {options.HandlerRetries}; it must be between 0 and 10.";
        }

        if (options.StepLease < TimeSpan.FromSeconds(30) || options.StepLease > TimeSpan.FromHours(1))
        {
            yield return $"PrivacyOptions.StepLease is {options.StepLease}; it must be between 30 seconds and 1 hour.";
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            yield return "PrivacyOptions.ServiceName is empty. Name the service this instance belongs to, e.g. \"crm\".";
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"PrivacyOptions.RetryDelay is {options.RetryDelay}; it must be between zero and 5 minutes.";
        }
    }

    private static IEnumerable<string> KeyProblems(PrivacyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PseudonymKey))
        {
            yield return $"PrivacyOptions.PseudonymKey is not set. Set it to a base64 secret of at least {RedactionContext.MinimumKeyLength} bytes (e.g. Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) from configuration or a secret store.";
            yield break;
        }

        var buffer = new byte[options.PseudonymKey.Length];
        if (!Convert.TryFromBase64String(options.PseudonymKey, buffer, out var length))
        {
            yield return "PrivacyOptions.PseudonymKey is not valid base64. Encode the key bytes with Convert.ToBase64String.";
        }
        else if (length < RedactionContext.MinimumKeyLength)
        {
            yield return $"PrivacyOptions.PseudonymKey decodes to {length} bytes; it must be at least {RedactionContext.MinimumKeyLength}. Generate a longer key.";
        }
    }

    private static string? SigningKeyProblem(string pem)
    {
        try
        {
            using var signer = new EcdsaCertificateSigner(pem);
            return null;
        }
        catch (PrivacyException ex)
        {
            return ex.Message;
        }
    }
}
