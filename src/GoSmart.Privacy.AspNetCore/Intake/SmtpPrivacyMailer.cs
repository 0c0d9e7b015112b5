using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>Sends the SDK's e-mails by SMTP with MailKit: one connection per message, authenticated when a user name is set.</summary>
/// <param name="options">The server and the sender.</param>
public sealed class SmtpPrivacyMailer(IOptions<SmtpMailerOptions> options) : IPrivacyMailer
{
    /// <inheritdoc />
    /// <exception cref="PrivacyException">The options name no server or no valid sender.</exception>
    public async Task SendAsync(PrivacyMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host) || !MailboxAddress.TryParse(o.From, out var from))
        {
            throw new PrivacyException("SmtpMailerOptions needs the SMTP server's Host and a From address such as \"Go Smart privacy <privacy@gosmart.example>\". Configure them with AddPublicRequests().UseSmtpMailer(o => …).");
        }

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Text };
        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.Security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
