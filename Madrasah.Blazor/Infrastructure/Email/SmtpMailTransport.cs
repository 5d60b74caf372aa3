using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Delivers through an SMTP server with MailKit: the connection secured as Email:Smtp:Security says, signed in when
/// Email:Smtp:UserName is set, the whole delivery bounded by Email:Smtp:TimeoutSeconds.
/// </summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    /// <summary>Tests only: how the server's certificate is checked (unset: the system's trust store, as in production).</summary>
    internal RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var smtp = o.Smtp;
        var timeout = DeliveryLimit(smtp);
        using var mime = OutboxMimeMessage.Create(message, o);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = NewClient(timeout);
        if (CertificateValidation is not null) client.ServerCertificateValidationCallback = CertificateValidation;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Map(smtp.EffectiveSecurity), deadline.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", deadline.Token);
            await client.SendAsync(mime, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"SMTP server {smtp.Host}:{smtp.Port} timed out: the delivery did not complete within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>How long one whole delivery may take: Email:Smtp:TimeoutSeconds, at least one second.</summary>
    internal static TimeSpan DeliveryLimit(SmtpOptions smtp) => TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds));

    /// <summary>
    /// MailKit's client for a delivery bounded by <paramref name="limit"/>: its own limit per operation is a little longer,
    /// so the limit of the whole delivery is the one that speaks.
    /// </summary>
    internal static SmtpClient NewClient(TimeSpan limit) => new() { Timeout = (int)limit.TotalMilliseconds + 1000 };

    public static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
