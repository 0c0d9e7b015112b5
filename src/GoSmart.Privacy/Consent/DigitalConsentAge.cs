namespace GoSmart.Privacy;

/// <summary>
/// The age of digital consent in each EU/EEA member state (GDPR Art. 8(1): 16 unless the state set 13 to 15).
/// Under it, a subject cannot consent to an information-society service alone: the holder of parental
/// responsibility must. Values as the states enacted them; check them against current national law.
/// </summary>
public static class DigitalConsentAge
{
    /// <summary>The GDPR's default age.</summary>
    public const int Default = 16;

    private static readonly Dictionary<string, int> Ages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = 14, ["BE"] = 13, ["BG"] = 14, ["HR"] = 16, ["CY"] = 14, ["CZ"] = 15, ["DK"] = 13, ["EE"] = 13,
        ["FI"] = 13, ["FR"] = 15, ["DE"] = 16, ["GR"] = 15, ["HU"] = 16, ["IE"] = 16, ["IT"] = 14, ["LV"] = 13,
        ["LT"] = 14, ["LU"] = 16, ["MT"] = 13, ["NL"] = 16, ["PL"] = 16, ["PT"] = 13, ["RO"] = 16, ["SK"] = 16,
        ["SI"] = 15, ["ES"] = 14, ["SE"] = 13, ["IS"] = 13, ["LI"] = 16, ["NO"] = 13,
    };

    /// <summary>Gets every state's age, by ISO 3166 alpha-2 code.</summary>
    public static IReadOnlyDictionary<string, int> ByCountry => Ages;

    /// <summary>The age of digital consent in <paramref name="countryCode"/>.</summary>
    /// <param name="countryCode">An ISO 3166 alpha-2 code, or <see langword="null"/> for the GDPR default.</param>
    /// <returns>13 to 16.</returns>
    /// <exception cref="PrivacyException">The code is not an EU/EEA member state.</exception>
    public static int For(string? countryCode)
    {
        if (countryCode is null)
        {
            return Default;
        }

        return Ages.TryGetValue(countryCode, out var age)
            ? age
            : throw new PrivacyException($"'{countryCode}' is not an EU/EEA member state the SDK knows. Pass an ISO 3166 alpha-2 code such as DE, FR or IE, or null for the GDPR default of {Default}.");
    }

    /// <summary>Whether a subject of <paramref name="age"/> can consent alone in <paramref name="countryCode"/>.</summary>
    /// <param name="age">The subject's age in years.</param>
    /// <param name="countryCode">The member state, or <see langword="null"/> for the default.</param>
    /// <returns><see langword="true"/> when old enough.</returns>
    public static bool CanConsentAlone(int age, string? countryCode = null) => age >= For(countryCode);
}
