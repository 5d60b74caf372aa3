namespace Madrasah.Blazor.Infrastructure.Email;

/// <summary>Hands one message to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
