namespace GoSmart.Privacy.Text;

/// <summary>
/// What a chat service tells its user before a message is stored: the findings, and one warning per kind of data the
/// privacy policy asks users not to send (§2: health, religion, political opinions, union membership, biometrics,
/// genetics, sexual orientation, criminal background, government identifiers) or to keep out of chat (payment details).
/// </summary>
/// <param name="Findings">Everything the scanner found.</param>
/// <param name="Warnings">One sentence per kind to warn about, in English (hosts translate by <see cref="WarningKinds"/>).</param>
/// <param name="WarningKinds">The kinds warned about: a special category's name, or <c>PaymentCard</c>, <c>Iban</c>, <c>UsSocialSecurityNumber</c>.</param>
public sealed record SubmissionCheck(IReadOnlyList<TextFinding> Findings, IReadOnlyList<string> Warnings, IReadOnlyList<string> WarningKinds)
{
    /// <summary>Gets whether the user should be warned before the message is sent.</summary>
    public bool ShouldWarn => Warnings.Count > 0;

    /// <summary>Checks a message the user is about to send.</summary>
    /// <param name="scanner">The scanner.</param>
    /// <param name="text">The message.</param>
    /// <param name="context">Its conversation's participants and region.</param>
    /// <returns>The findings and warnings.</returns>
    public static SubmissionCheck Of(IPersonalDataScanner scanner, string? text, ScanContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        var findings = scanner.Scan(text, context);
        var kinds = new List<string>();
        var warnings = new List<string>();
        foreach (var finding in findings)
        {
            var (kind, warning) = finding.Type switch
            {
                TextEntityType.SpecialCategory => (finding.Category!.Value.ToString(), $"This looks like {Describe(finding.Category.Value)}. Our privacy policy asks you not to send it: once sent, it is stored like any message."),
                TextEntityType.PaymentCard => ("PaymentCard", "This looks like a payment card number. Never send card details in chat: anyone in the conversation can read them."),
                TextEntityType.Iban => ("Iban", "This looks like a bank account number (IBAN). Send bank details only where the service asks for them."),
                TextEntityType.UsSocialSecurityNumber => ("UsSocialSecurityNumber", "This looks like a social security number. Our privacy policy asks you not to send it."),
                _ => (null, null),
            };
            if (kind is not null && !kinds.Contains(kind))
            {
                kinds.Add(kind);
                warnings.Add(warning!);
            }
        }

        return new SubmissionCheck(findings, warnings, kinds);
    }

    private static string Describe(SpecialCategory category) => category switch
    {
        SpecialCategory.Health => "health information",
        SpecialCategory.ReligiousOrPhilosophicalBeliefs => "your religious or philosophical beliefs",
        SpecialCategory.PoliticalOpinions => "your political opinions",
        SpecialCategory.TradeUnionMembership => "trade union membership",
        SpecialCategory.Genetic => "genetic data",
        SpecialCategory.BiometricForIdentification => "biometric data",
        SpecialCategory.SexLifeOrSexualOrientation => "information about sex life or sexual orientation",
        SpecialCategory.RacialOrEthnicOrigin => "information about racial or ethnic origin",
        SpecialCategory.CriminalConvictions => "information about a criminal background",
        _ => "a government identifier",
    };
}
