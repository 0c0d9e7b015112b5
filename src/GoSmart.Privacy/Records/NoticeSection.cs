namespace GoSmart.Privacy.Records;

/// <summary>One purpose's section of the notice.</summary>
/// <param name="Purpose">The purpose key.</param>
/// <param name="Title">What the purpose is, in the policy's words.</param>
/// <param name="LegalBasis">The legal basis, in words with its article.</param>
/// <param name="Data">The kinds of data collected, in words.</param>
/// <param name="SpecialCategories">The special categories among them, in words.</param>
/// <param name="Recipients">Who receives the data.</param>
/// <param name="Transfers">Where it is transferred and on what safeguard.</param>
/// <param name="KeptFor">How long it is kept.</param>
/// <param name="Version">The notice version the consent ledger records a grant under.</param>
/// <param name="Fingerprint">The fingerprint of everything material in the section.</param>
public sealed record NoticeSection(
    string Purpose,
    string Title,
    string LegalBasis,
    IReadOnlyList<string> Data,
    IReadOnlyList<string> SpecialCategories,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Transfers,
    IReadOnlyList<string> KeptFor,
    int Version,
    string Fingerprint);
