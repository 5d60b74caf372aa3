using System.Text;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Features.UserAccounts;

/// <summary>
/// The emailed links that let a person set their password: the activation of a new account and "Lupa Password".
/// Both carry Identity's password-reset token, which dies when the password is set (the security stamp changes),
/// when a newer link is sent, and after UserAccounts:LinkHours.
/// </summary>
public sealed class PasswordLinks(EmailOutbox outbox, PublicLinks links, IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock)
{
    public const string Path = "/akun/atur-password";

    public TimeSpan Lifetime => tokens.Value.TokenLifespan;

    /// <summary>Queues the activation email of a new account on <paramref name="db"/> (saved by the caller).</summary>
    public Task QueueActivationAsync(MadrasahDbContext db, UserManager<ApplicationUser> users, ApplicationUser user) =>
        QueueAsync<AccountActivationEmail>(db, users, user, "Aktivasi Akun Madrasah");

    /// <summary>Queues a "Lupa Password" email on <paramref name="db"/> (saved by the caller).</summary>
    public Task QueueResetAsync(MadrasahDbContext db, UserManager<ApplicationUser> users, ApplicationUser user) =>
        QueueAsync<PasswordResetEmail>(db, users, user, "Atur Ulang Password Akun Madrasah");

    private async Task QueueAsync<TEmail>(MadrasahDbContext db, UserManager<ApplicationUser> users, ApplicationUser user, string subject)
        where TEmail : Microsoft.AspNetCore.Components.IComponent
    {
        await users.UpdateSecurityStampAsync(user); // links sent before this one stop working
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute($"{Path}?id={Uri.EscapeDataString(user.Id)}&token={Encode(token)}");
        await outbox.EnqueueAsync<TEmail>(db, user.Email!, user.FullName, subject, new Dictionary<string, object?>
        {
            ["FullName"] = user.FullName,
            ["Email"] = user.Email,
            ["Link"] = link,
            ["ExpiresUtc"] = clock.GetUtcNow().UtcDateTime + Lifetime,
        }, user.InstitutionId);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token.Trim())); }
        catch (FormatException) { return null; }
    }
}
