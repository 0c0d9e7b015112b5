namespace GoSmart.Privacy;

/// <summary>
/// Marks a member whose content is free text — a chat message, a note — so that the text scanner
/// (<c>GoSmart.Privacy.Text</c>) looks inside it for personal data: e-mails, phone numbers, cards, participants' names,
/// Art. 9 topics. Put it beside the member's <see cref="PersonalFieldAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class FreeTextAttribute : Attribute
{
}
