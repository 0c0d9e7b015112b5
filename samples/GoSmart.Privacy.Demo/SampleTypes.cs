using System.Net;
using GoSmart.Privacy;

namespace GoSmart.Privacy.Demo;

/// <summary>A Go Smart CRM contact, tagged once.</summary>
public sealed class CrmContact
{
    [DataSubjectId] public Guid Id { get; set; }
    [NotPersonalData(Reason = "Go Smart's own tenant key")] public string TenantId { get; set; } = "";
    [PersonalField(DataCategories.Name)] public string FullName { get; set; } = "";
    [PersonalField(DataCategories.ContactEmail, Erasure = ErasureStrategy.Hash)] public string? Email { get; set; }
    [PersonalField(DataCategories.JobTitle)] public string? Title { get; set; }
    [PersonalField(DataCategories.Organization, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalClaims)] public string? Company { get; set; }
    [PersonalField(DataCategories.FinancialCreditCard, Erasure = ErasureStrategy.Mask)] public string? CardLastFour { get; set; }
    [PersonalField(DataCategories.Payment, Erasure = ErasureStrategy.Retain, Exemption = ErasureExemption.LegalObligation)] public decimal InvoicedTotal { get; set; }
    [PersonalField(DataCategories.DeviceIpAddress, Erasure = ErasureStrategy.Generalize)] public IPAddress? LastIp { get; set; }
    [PersonalField(DataCategories.DateOfBirth, Erasure = ErasureStrategy.Generalize)] public DateOnly? BirthDate { get; set; }
    [SensitiveField(SpecialCategory.Health)] public string? Note { get; set; }
    public List<CrmPhone> Phones { get; set; } = [];
    public int LeadScore { get; set; }

    /// <summary>A deep copy, as a fresh read from the database would give.</summary>
    public CrmContact Copy()
    {
        var copy = (CrmContact)MemberwiseClone();
        copy.Phones = [.. Phones.Select(p => new CrmPhone { Number = p.Number, Label = p.Label })];
        return copy;
    }
}

/// <summary>A phone number of a contact.</summary>
public sealed class CrmPhone
{
    [PersonalField(DataCategories.ContactPhone, Erasure = ErasureStrategy.Mask, VisibleCharacters = 2)] public string? Number { get; set; }
    [NotPersonalData] public string Label { get; set; } = "";
}

/// <summary>A Go Smart Chat message: a record tagged on its constructor parameters.</summary>
public sealed record ChatMessage(
    [DataSubjectId] string AuthorId,
    [PersonalField(DataCategories.ContentMessage), FreeText] string Text)
{
    /// <summary>Gets when the message was sent.</summary>
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)]
    public DateTimeOffset SentAt { get; init; }

    /// <summary>Gets the file names of the attachments.</summary>
    [PersonalField(DataCategories.ContentMessage)]
    public string[] Attachments { get; init; } = [];

    /// <summary>Gets the people the message mentions.</summary>
    public ChatMention[] Mentions { get; init; } = [];

    /// <summary>Gets other people's reactions to the message.</summary>
    public ChatReaction[] Reactions { get; init; } = [];
}

/// <summary>Someone's reaction to a message: their own record inside the author's.</summary>
public sealed record ChatReaction([DataSubjectId] string UserId, [PersonalField(DataCategories.Name)] string DisplayName, [NotPersonalData] string Emoji);

/// <summary>A person mentioned in a message: their own record inside someone else's.</summary>
public sealed record ChatMention([DataSubjectId] string UserId, [PersonalField(DataCategories.Name)] string DisplayName);

/// <summary>A help-desk ticket, kept by the support service: a root type that the first deploy has no handler for.</summary>
public sealed class SupportTicket
{
    [NotPersonalData] public string Id { get; set; } = "";
    [DataSubjectId] public string CustomerId { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage)] public string Body { get; set; } = "";
}
