namespace GoSmart.Privacy.AspNetCore;

/// <summary>One e-mail the SDK sends.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Link">The link the message carries, for a sink or a test to read.</param>
public sealed record PrivacyMail(string To, string Subject, string Text, Uri Link);
