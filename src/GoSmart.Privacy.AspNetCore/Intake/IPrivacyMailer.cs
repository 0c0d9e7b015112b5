namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Sends the SDK's e-mails to people without an account: the one-time link that confirms a public request's address
/// (Art. 12(6)), and the link to a finished copy of their data. <see cref="SmtpPrivacyMailer"/> sends by SMTP;
/// <see cref="InMemoryPrivacyMailer"/> keeps them, for development and tests.
/// </summary>
public interface IPrivacyMailer
{
    /// <summary>Sends one message.</summary>
    /// <param name="mail">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the message was handed over.</returns>
    Task SendAsync(PrivacyMail mail, CancellationToken cancellationToken);
}
