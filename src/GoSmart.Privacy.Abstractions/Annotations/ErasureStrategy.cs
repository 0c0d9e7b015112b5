namespace GoSmart.Privacy;

/// <summary>What erasure (GDPR Art. 17) does to a member. See <c>docs/redaction.md</c> for every strategy × type.</summary>
public enum ErasureStrategy
{
    /// <summary>Removes the value: <see langword="null"/> for nullable members, the empty string for non-nullable strings, the type's default otherwise; collections are emptied.</summary>
    Erase = 0,

    /// <summary>Keeps the last <see cref="PrivacyFieldAttribute.VisibleCharacters"/> characters of a string and replaces the others with <c>*</c>; a value no longer than that is masked whole.</summary>
    Mask = 1,

    /// <summary>Replaces the value with a keyed HMAC-SHA256 pseudonym: the same input and key always give the same pseudonym.</summary>
    Hash = 2,

    /// <summary>Coarsens the value: dates to the first day of their year, IPv4 to its /24 network, IPv6 to its /48 network, numbers to the lower bound of their <see cref="PrivacyFieldAttribute.BucketSize"/> bucket.</summary>
    Generalize = 3,

    /// <summary>Keeps the value. Allowed only with an <see cref="ErasureExemption"/> other than <see cref="ErasureExemption.None"/> (GDPR Art. 17(3)).</summary>
    Retain = 4,
}
