using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Delivers with System.Net.Mail: to an SMTP server, or as .eml files in a pickup folder. Each message is
/// multipart/alternative (plain text, then HTML), UTF-8.
/// </summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var mail = CreateMailMessage(message, o);
        using var client = CreateClient(o);
        await client.SendMailAsync(mail, cancellationToken);
    }

    internal static MailMessage CreateMailMessage(OutboxMessage message, EmailOptions o)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(o.SenderAddress, o.SenderName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To, message.ToName, Encoding.UTF8));
        // The same id on every attempt: a receiver can tell a resend after a crash from a new message.
        mail.Headers.Add("Message-ID", $"<outbox-{message.Id}-{message.CreatedUtc.Ticks}@{o.SenderAddress.Split('@').Last()}>");
        mail.AlternateViews.Add(View(message.TextBody, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
        return mail;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }

    private static SmtpClient CreateClient(EmailOptions o)
    {
        if (o.Delivery == EmailDelivery.Pickup)
        {
            Directory.CreateDirectory(o.PickupFolder);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Path.GetFullPath(o.PickupFolder),
            };
        }
        var client = new SmtpClient(o.Smtp.Host, o.Smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = o.Smtp.EnableSsl,
            Timeout = (int)TimeSpan.FromSeconds(o.Smtp.TimeoutSeconds).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(o.Smtp.UserName))
            client.Credentials = new NetworkCredential(o.Smtp.UserName, o.Smtp.Password);
        return client;
    }
}
