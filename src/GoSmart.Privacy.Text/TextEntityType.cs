namespace GoSmart.Privacy.Text;

/// <summary>What a <see cref="TextFinding"/> found.</summary>
public enum TextEntityType
{
    /// <summary>An e-mail address.</summary>
    Email = 0,

    /// <summary>A phone number, valid for its region (libphonenumber).</summary>
    Phone = 1,

    /// <summary>A payment card number: a known issuer range and a valid Luhn check digit.</summary>
    PaymentCard = 2,

    /// <summary>An IBAN: the country's length and a valid mod-97 check.</summary>
    Iban = 3,

    /// <summary>A US social security number: valid area, group and serial.</summary>
    UsSocialSecurityNumber = 4,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress = 5,

    /// <summary>A URL whose query names a person (e-mail, user, id, token …).</summary>
    IdentifyingUrl = 6,

    /// <summary>A date near words about birth.</summary>
    DateOfBirth = 7,

    /// <summary>The name of one of the conversation's participants.</summary>
    Participant = 8,

    /// <summary>A word or phrase of an Art. 9 special category, or of Art. 10 (criminal convictions): see <see cref="TextFinding.Category"/>.</summary>
    SpecialCategory = 9,
}
