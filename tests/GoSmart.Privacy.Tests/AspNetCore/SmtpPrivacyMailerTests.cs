using System.Net;
using System.Net.Sockets;
using System.Text;
using GoSmart.Privacy.AspNetCore;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.AspNetCore;

/// <summary>The SMTP mailer talks real SMTP (MailKit) to a server on the loopback, and refuses a configuration with no server or sender.</summary>
public class SmtpPrivacyMailerTests
{
    [Fact]
    public async Task A_mail_reaches_an_smtp_server_with_its_sender_recipient_subject_and_link()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var server = ReceiveOneAsync(listener);
        var mailer = new SmtpPrivacyMailer(Options.Create(new SmtpMailerOptions { Host = "127.0.0.1", Port = ((IPEndPoint)listener.LocalEndpoint).Port, Security = MailKit.Security.SecureSocketOptions.None, From = "Privacy <privacy@gosmart.example>" }));

        await mailer.SendAsync(new PrivacyMail("ada@example.com", "Confirm your privacy request", "Open https://gosmart.example/privacy/public/verify?token=abc", new Uri("https://gosmart.example/privacy/public/verify?token=abc")), CancellationToken.None);
        var (envelope, data) = await server.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("MAIL FROM:<privacy@gosmart.example>", envelope, StringComparison.Ordinal);
        Assert.Contains("RCPT TO:<ada@example.com>", envelope, StringComparison.Ordinal);
        Assert.Contains("Subject: Confirm your privacy request", data, StringComparison.Ordinal);
        Assert.Contains("verify?token=abc", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mailer_without_a_server_or_a_sender_says_what_to_configure()
    {
        var mailer = new SmtpPrivacyMailer(Options.Create(new SmtpMailerOptions { From = "not an address" }));

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => mailer.SendAsync(new PrivacyMail("ada@example.com", "s", "t", new Uri("https://x.example/")), CancellationToken.None));

        Assert.Contains("Host", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseSmtpMailer", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal SMTP server: one session, every command accepted, the envelope and the message kept.</summary>
    private static async Task<(string Envelope, string Data)> ReceiveOneAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var envelope = new StringBuilder();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            envelope.AppendLine(line);
            if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("250-test\r\n250 8BITMIME");
            }
            else if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("354 go ahead");
                while (await reader.ReadLineAsync() is { } body && body != ".")
                {
                    data.AppendLine(body);
                }

                await writer.WriteLineAsync("250 queued");
            }
            else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
            {
                await writer.WriteLineAsync("221 bye");
                break;
            }
            else
            {
                await writer.WriteLineAsync("250 ok");
            }
        }

        return (envelope.ToString(), data.ToString());
    }
}
