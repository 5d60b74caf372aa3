using MimeKit;
using MimeKit.Text;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>An outbox message as MimeKit writes it: multipart/alternative (plain text, then HTML), UTF-8, quoted-printable.</summary>
public static class OutboxMimeMessage
{
    public static MimeMessage Create(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedUtc, DateTimeKind.Utc)),
            // The same id on every attempt: a receiver can tell a resend after a crash from a new message.
            MessageId = $"outbox-{message.Id}-{message.CreatedUtc.Ticks}@{options.SenderAddress.Split('@').Last()}",
            Body = new MultipartAlternative
            {
                Part(TextFormat.Plain, message.TextBody),
                Part(TextFormat.Html, message.HtmlBody),
            },
        };
        mime.From.Add(new MailboxAddress(options.SenderName, options.SenderAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        return mime;
    }

    private static TextPart Part(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(System.Text.Encoding.UTF8, text);
        return part;
    }
}
