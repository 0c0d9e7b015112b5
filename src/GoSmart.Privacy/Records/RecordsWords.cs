using GoSmart.Privacy.Export;

namespace GoSmart.Privacy.Records;

/// <summary>How the records and the notice put the SDK's terms into words: one place, shared by every rendering.</summary>
internal static class RecordsWords
{
    public static string LegalBasis(LegalBasis basis) => basis switch
    {
        Privacy.LegalBasis.Consent => "Consent (Art. 6(1)(a))",
        Privacy.LegalBasis.Contract => "Contract (Art. 6(1)(b))",
        Privacy.LegalBasis.LegalObligation => "Legal obligation (Art. 6(1)(c))",
        Privacy.LegalBasis.VitalInterests => "Vital interests (Art. 6(1)(d))",
        Privacy.LegalBasis.PublicTask => "Public task (Art. 6(1)(e))",
        Privacy.LegalBasis.LegitimateInterests => "Legitimate interests (Art. 6(1)(f))",
        _ => basis.ToString(),
    };

    public static string Category(string key) => RecordHtml.Category(key);

    public static string Special(SpecialCategory category) => RecordHtml.Words(category.ToString());

    public static string Subjects(DataSubjectKind kind) => RecordHtml.Words(kind.ToString());

    public static string Measure(MemberRecord member) =>
        (member.Measure switch
        {
            MemberMeasure.Identifier => "identifier (kept; pseudonymised where others see it)",
            MemberMeasure.Pseudonymised => "pseudonymised (HMAC-SHA256)",
            MemberMeasure.Masked => "masked",
            MemberMeasure.Generalised => "generalised",
            MemberMeasure.Retained => $"retained: {RecordHtml.Words(member.Exemption.ToString()).ToLowerInvariant()} (Art. 17(3))",
            _ => "erased",
        })
        + (member.IsCryptoShredded ? "; crypto-shredded" : string.Empty)
        + (member.IsFreeText ? "; free text: mentions rewritten" : string.Empty);

    public static string Transfer(DisclosedTransfer transfer) =>
        $"{transfer.Destination}{(transfer.Recipient is null ? string.Empty : $" ({transfer.Recipient})")} — {transfer.Safeguard}";

    public static string Coverage(EntityRecord entity) => entity.Coverage switch
    {
        EntityCoverage.Covered => "erased by " + (entity.Handlers.Count == 0 ? "a covering handler" : string.Join(", ", entity.Handlers)),
        EntityCoverage.OutOfScope => "out of scope: " + entity.OutOfScopeReason,
        EntityCoverage.Uncovered => "NOT COVERED: no erasure handler reaches it",
        _ => "reached through the records that hold it",
    };
}
