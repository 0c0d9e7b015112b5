namespace GoSmart.Privacy;

/// <summary>A transfer of personal data to a third country or an international organisation (Art. 13(1)(f), 30(1)(e), 44–49).</summary>
/// <param name="Destination">The country or organisation, e.g. <c>United States</c>.</param>
/// <param name="Safeguard">The Art. 46 safeguard or Art. 49 derogation it rests on, e.g. <c>Standard contractual clauses (2021/914)</c> or <c>Explicit consent (Art. 49(1)(a))</c>.</param>
public sealed record DisclosedTransfer(string Destination, string Safeguard)
{
    /// <summary>Gets who receives the data there, e.g. <c>Hosting provider</c>.</summary>
    public string? Recipient { get; init; }

    /// <summary>Gets the purposes the transfer serves; empty when it serves every purpose of the disclosure.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];
}
