namespace GoSmart.Privacy.Records;

/// <summary>What erasure does to a member, in the words of Art. 30(1)(g) and Art. 32.</summary>
public enum MemberMeasure
{
    /// <summary>The value is removed.</summary>
    Erased = 0,

    /// <summary>All but a few characters are masked.</summary>
    Masked = 1,

    /// <summary>The value becomes a keyed pseudonym (HMAC-SHA256).</summary>
    Pseudonymised = 2,

    /// <summary>The value is generalised (a bucket, a year).</summary>
    Generalised = 3,

    /// <summary>The value is kept under an Art. 17(3) exemption, reported in every erasure.</summary>
    Retained = 4,

    /// <summary>The subject's identifier: kept to find the records, pseudonymised where others see it.</summary>
    Identifier = 5,
}
