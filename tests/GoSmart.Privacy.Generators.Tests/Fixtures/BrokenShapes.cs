using System;
using GoSmart.Privacy;

namespace Fixtures.Broken
{
    public sealed class Address
    {
        [PersonalField(DataCategories.ContactStreet)]
        public string? Street { get; set; }
    }

    public sealed class Broken
    {
        [DataSubjectId]
        public Guid Id { get; set; }

        [PersonalField("Email Address")]
        public string? BadKey { get; set; }

        [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Mask)]
        public DateTime MaskedDate { get; set; }

        [PersonalField(DataCategories.Age, Erasure = ErasureStrategy.Hash)]
        public int HashedAge { get; set; }

        [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain)]
        public decimal RetainedAmount { get; set; }

        [PersonalField(DataCategories.Payment, Exemption = ErasureExemption.LegalObligation)]
        public decimal ExemptButErased { get; set; }

        [PersonalField(DataCategories.Content)]
        public Uri? Website { get; set; }

        [PersonalField(DataCategories.ContactAddress)]
        public Address? TaggedAddress { get; set; }

        public Address? Home { get; set; }

        [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask, VisibleCharacters = -1)]
        public string? NegativeMask { get; set; }

        [PersonalField(DataCategories.Name)]
        [NotPersonalData]
        public string? Conflicted { get; set; }

        [PersonalField(DataCategories.Name)]
        public string Computed => "x";

        [PersonalField(DataCategories.Age), FreeText]
        public int FreeAge { get; set; }
    }

    public sealed class TwoIds
    {
        [DataSubjectId]
        public Guid Id { get; set; }

        [DataSubjectId]
        public string? OtherId { get; set; }
    }

    public sealed class NewsletterSubscription
    {
        [DataSubjectId]
        public Guid SubscriberId { get; set; }

        [System.ComponentModel.DataAnnotations.Key]
        [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)]
        public string Email { get; set; } = "";
    }

    public sealed class WrongIdType
    {
        [DataSubjectId]
        public DateTime When { get; set; }
    }
}
