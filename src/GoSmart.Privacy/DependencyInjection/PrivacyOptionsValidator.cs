using Microsoft.Extensions.Options;

namespace GoSmart.Privacy;

/// <summary>Validates <see cref="PrivacyOptions"/>, listing every problem at once.</summary>
internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IEnumerable<string> Problems(PrivacyOptions options)
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
}
