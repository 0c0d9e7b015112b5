namespace GoSmart.Privacy.Text;

/// <summary>What identifies a person inside other people's text: the names, e-mail addresses and phone numbers others write.</summary>
public sealed record SubjectIdentifiers
{
    /// <summary>Gets display names, full names and handles (<c>Ada Lovelace</c>, <c>ada.l</c>); each name of three letters or more is matched on its own too.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Gets e-mail addresses, matched ignoring case.</summary>
    public IReadOnlyList<string> EmailAddresses { get; init; } = [];

    /// <summary>Gets phone numbers in any format; a number written otherwise in a text (<c>020 7946 0018</c> for <c>+44 20 7946 0018</c>) still matches.</summary>
    public IReadOnlyList<string> PhoneNumbers { get; init; } = [];

    /// <summary>Gets whether nothing identifies the person.</summary>
    public bool IsEmpty => Names.Count == 0 && EmailAddresses.Count == 0 && PhoneNumbers.Count == 0;
}
