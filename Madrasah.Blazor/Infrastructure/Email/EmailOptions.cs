namespace Madrasah.Blazor.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupFolder"/>: no server needed.</summary>
    Pickup,
    /// <summary>Each message goes to the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>The "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string SenderName { get; set; } = "Madrasah Notifikasi";
    public string SenderAddress { get; set; } = "notifikasi@madrasah.local";
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;
    /// <summary>Folder of the .eml files; relative paths are taken from the content root. Created when missing.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>After this many failed attempts a message is marked Failed and waits for "Kirim Ulang".</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait after the first failure; it doubles after each further failure.</summary>
    public double RetryBaseSeconds { get; set; } = 5;
    /// <summary>The longest wait between two attempts.</summary>
    public double RetryMaxSeconds { get; set; } = 3600;
    /// <summary>How often the sender looks for due messages when nobody wakes it.</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>How many messages the sender takes from the database at a time.</summary>
    public int BatchSize { get; set; } = 10;
    /// <summary>
    /// A message a sender took is not due for any other sender for this long (several app servers share the outbox);
    /// should that sender stop before it is done, another takes the message after this. Longer than one SMTP attempt.
    /// </summary>
    public double ClaimSeconds { get; set; } = 300;

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failures: base × 2^(attempts−1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxSeconds));
    }

}

/// <summary>How the connection to the SMTP server is secured (MailKit's SecureSocketOptions).</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
    /// <summary>No TLS at all (a relay on the same machine or network).</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS; refused when the server does not offer it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>Email:Smtp:Security. Unset: taken from the older <see cref="EnableSsl"/>, else <see cref="SmtpSecurity.Auto"/>.</summary>
    public SmtpSecurity? Security { get; set; }
    /// <summary>The older setting, read only when <see cref="Security"/> is unset: true is STARTTLS, false no TLS.</summary>
    public bool? EnableSsl { get; set; }
    /// <summary>Sign in to the server with this name and <see cref="Password"/>; no authentication when empty.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Seconds one delivery (connect, sign in, send) may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public SmtpSecurity EffectiveSecurity => Security ?? EnableSsl switch
    {
        true => SmtpSecurity.StartTls,
        false => SmtpSecurity.None,
        null => SmtpSecurity.Auto,
    };
}
