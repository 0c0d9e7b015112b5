namespace GoSmart.Privacy.AspNetCore;

/// <summary>Where <see cref="SmtpPrivacyMailer"/> sends from: the server, its security, the sender.</summary>
public sealed class SmtpMailerOptions
{
    /// <summary>Gets or sets the SMTP server's host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>Gets or sets the port (default 587, submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets how the connection is secured (default: STARTTLS when the server offers it).</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Gets or sets the user name, when the server wants authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password; load it from a secret store.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets the sender, e.g. <c>Go Smart privacy &lt;privacy@gosmart.example&gt;</c>.</summary>
    public string From { get; set; } = "";
}
