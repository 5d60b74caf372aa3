using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>
/// The requester's secure link to a ticket: a token of 256 random bits (base64url, 43 characters). The ticket stores
/// its SHA-256 (to find the ticket by it) and the token sealed with the app's data-protection keys (so every later
/// email carries the same link); a copy of the database alone opens no ticket.
/// </summary>
public sealed class HelpdeskLinks(IDataProtectionProvider dataProtection)
{
    public const string StatusPath = "/hubungi-kami/laporan/";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Madrasah.Helpdesk.RequesterLink.v1");

    /// <summary>Gives the ticket a new token and returns its link path.</summary>
    public string Issue(HelpdeskTicket ticket)
    {
        var token = NewToken();
        ticket.AccessTokenHash = HashToken(token);
        ticket.AccessTokenSealed = _protector.Protect(token);
        return StatusPath + token;
    }

    /// <summary>The link path of the ticket's current token; a new token when it cannot be read (keys lost, imported rows).</summary>
    public string PathOf(HelpdeskTicket ticket)
    {
        try
        {
            if (ticket.AccessTokenSealed.Length > 0) return StatusPath + _protector.Unprotect(ticket.AccessTokenSealed);
        }
        catch (System.Security.Cryptography.CryptographicException) { }
        return Issue(ticket);
    }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))).ToLowerInvariant();

    public static bool IsWellFormed(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
