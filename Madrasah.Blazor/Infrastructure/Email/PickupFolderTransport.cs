using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>
/// Development delivery: each message becomes an .eml file in Email:PickupFolder (created when missing), written
/// by MimeKit to a temporary name and then renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        Directory.CreateDirectory(o.PickupFolder);
        using var mime = OutboxMimeMessage.Create(message, o);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-outbox-{message.Id}-{Guid.NewGuid():N}";
        var partial = Path.Combine(o.PickupFolder, name + ".tmp");
        try
        {
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(o.PickupFolder, name + ".eml"));
        }
        finally
        {
            File.Delete(partial); // nothing left behind when the write failed (no-op after the move)
        }
    }
}
