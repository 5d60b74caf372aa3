using System.Net;
using System.Net.Sockets;
using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Email;

/// <summary>MailKit's SMTP client against a real aiosmtpd: the security options, authentication and the time-out.</summary>
public class SmtpMailTransportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A kit over the server's port whose SMTP client trusts exactly the server's self-signed certificate.</summary>
    private static EmailTestKit TrustingKit(SmtpTestServer server, string security, Dictionary<string, string?>? more = null)
    {
        var settings = EmailTestKit.Smtp(server.Port, security: security);
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return new EmailTestKit(settings, services => services.AddSingleton<IMailTransport>(sp =>
            new SmtpMailTransport(sp.GetRequiredService<IOptions<EmailOptions>>())
            {
                CertificateValidation = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().SequenceEqual(server.Certificate.RawData),
            }));
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("Auto")] // STARTTLS because the server offers it
    public async Task StartTls_upgrades_the_connection_before_the_message_goes(string security)
    {
        await using var server = await SmtpTestServer.StartNewAsync(SmtpTestTls.StartTls);
        await using var kit = TrustingKit(server, security);
        await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", "Ibu Siti");

        Assert.Equal(1, await kit.Sender.DeliverDueAsync(None));
        Assert.Equal("Uji pengiriman email", Assert.Single(server.ReadMessages()).Subject);
    }

    [Fact]
    public async Task None_never_starts_TLS_so_a_server_that_requires_it_refuses_the_message()
    {
        await using var server = await SmtpTestServer.StartNewAsync(SmtpTestTls.StartTls);
        await using var kit = TrustingKit(server, "None");
        var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id");

        Assert.Equal(0, await kit.Sender.DeliverDueAsync(None));
        var message = await kit.ReloadAsync(queued.Id);
        Assert.Equal((OutboxStatus.Pending, 1), (message.Status, message.Attempts));
        Assert.Contains("STARTTLS", message.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.ReadMessages());
    }

    [Fact]
    public async Task SslOnConnect_speaks_TLS_from_the_first_byte()
    {
        await using var server = await SmtpTestServer.StartNewAsync(SmtpTestTls.Implicit);
        await using var kit = TrustingKit(server, "SslOnConnect");
        await kit.EnqueueTestEmailAsync("guru@contoh.sch.id");

        Assert.Equal(1, await kit.Sender.DeliverDueAsync(None));
        Assert.Single(server.ReadMessages());
    }

    [Fact]
    public async Task A_certificate_the_machine_does_not_trust_is_refused()
    {
        await using var server = await SmtpTestServer.StartNewAsync(SmtpTestTls.Implicit);
        await using var kit = new EmailTestKit(EmailTestKit.Smtp(server.Port, security: "SslOnConnect")); // the app's own validation
        var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id");

        Assert.Equal(0, await kit.Sender.DeliverDueAsync(None));
        var message = await kit.ReloadAsync(queued.Id);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Contains("certificate", message.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.ReadMessages());
    }

    [Fact]
    public async Task The_configured_account_signs_in_and_a_wrong_password_keeps_the_message_waiting()
    {
        await using var server = await SmtpTestServer.StartNewAsync(userName: "notifikasi", password: "Rahasia#Smtp26");
        await using (var kit = new EmailTestKit(new Dictionary<string, string?>(EmailTestKit.Smtp(server.Port))
                     {
                         ["Email:Smtp:UserName"] = "notifikasi", ["Email:Smtp:Password"] = "Rahasia#Smtp26",
                     }))
        {
            await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", subject: "Dengan akun");
            Assert.Equal(1, await kit.Sender.DeliverDueAsync(None));
        }
        Assert.Equal("Dengan akun", Assert.Single(server.ReadMessages()).Subject);

        await using (var kit = new EmailTestKit(new Dictionary<string, string?>(EmailTestKit.Smtp(server.Port))
                     {
                         ["Email:Smtp:UserName"] = "notifikasi", ["Email:Smtp:Password"] = "salah",
                     }))
        {
            var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", subject: "Password salah");
            Assert.Equal(0, await kit.Sender.DeliverDueAsync(None));
            var message = await kit.ReloadAsync(queued.Id);
            Assert.Equal((OutboxStatus.Pending, 1), (message.Status, message.Attempts));
            Assert.Contains("535", message.LastError);
        }

        await using (var kit = new EmailTestKit(EmailTestKit.Smtp(server.Port))) // no account configured: no sign-in
        {
            var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id", subject: "Tanpa akun");
            Assert.Equal(0, await kit.Sender.DeliverDueAsync(None));
            Assert.Contains("Authentication required", (await kit.ReloadAsync(queued.Id)).LastError);
        }
        Assert.Single(server.ReadMessages());
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("1", 1)] // the least the settings accept
    public async Task Email_Smtp_TimeoutSeconds_bounds_the_delivery_and_MailKits_client_waits_a_second_longer(string configured, int seconds)
    {
        await using var kit = new EmailTestKit(new Dictionary<string, string?> { ["Email:Delivery"] = "Smtp", ["Email:Smtp:TimeoutSeconds"] = configured });
        var limit = SmtpMailTransport.DeliveryLimit(kit.Options.Smtp);
        Assert.Equal(TimeSpan.FromSeconds(seconds), limit);
        using var client = SmtpMailTransport.NewClient(limit);
        Assert.Equal((seconds + 1) * 1000, client.Timeout); // so the delivery's own limit is the one that ends a silent server
    }

    /// <summary>
    /// A server that accepts the connection and never says a word: the delivery ends with the delivery limit's own error
    /// (naming the configured seconds) and the message waits for its next attempt. How long that takes is not asserted
    /// (speed belongs to benchmarks); the limit given to each part is the test above.
    /// </summary>
    [Fact]
    public async Task A_server_that_never_answers_counts_as_a_failure_after_TimeoutSeconds()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0); // accepts connections (the kernel does), never says a word
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var settings = EmailTestKit.Smtp(port);
            settings["Email:Smtp:TimeoutSeconds"] = "1";
            await using var kit = new EmailTestKit(settings);
            var queued = await kit.EnqueueTestEmailAsync("guru@contoh.sch.id");

            Assert.Equal(0, await kit.Sender.DeliverDueAsync(None));
            var message = await kit.ReloadAsync(queued.Id);
            Assert.Equal((OutboxStatus.Pending, 1), (message.Status, message.Attempts));
            Assert.Contains($"SMTP server 127.0.0.1:{port} timed out: the delivery did not complete within 1 s.", message.LastError);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Theory]
    [InlineData(null, null, SmtpSecurity.Auto)]
    [InlineData(null, "true", SmtpSecurity.StartTls)]   // the older setting still read
    [InlineData(null, "false", SmtpSecurity.None)]
    [InlineData("SslOnConnect", "false", SmtpSecurity.SslOnConnect)] // Security wins
    [InlineData("None", "true", SmtpSecurity.None)]
    public async Task Security_comes_from_Email_Smtp_Security_or_else_the_older_EnableSsl(string? security, string? enableSsl, SmtpSecurity expected)
    {
        await using var kit = new EmailTestKit(new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp", ["Email:Smtp:Security"] = security, ["Email:Smtp:EnableSsl"] = enableSsl,
        });
        Assert.Equal(expected, kit.Options.Smtp.EffectiveSecurity);
    }
}
