using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// What the sign-in page hands to the "Informasi User" step once NIK + code were accepted: the institution, the
/// code's hash (as stored), the head's NIK that was typed with it and an expiry, encrypted and signed with data
/// protection. It is single-use because the code it stands for is consumed when the account is created, and it works
/// only while the NIK is still the institution's head NIK.
/// </summary>
public sealed record RegistrationTicket(int InstitutionId, string CodeHash, string Nik, DateTime ExpiresUtc)
{
    private const string Purpose = "Madrasah.HeadRegistration.Ticket.v3";

    public string Protect(IDataProtectionProvider provider) =>
        provider.CreateProtector(Purpose).Protect(string.Join('|', InstitutionId, CodeHash, Nik, ExpiresUtc.Ticks.ToString(CultureInfo.InvariantCulture)));

    public static RegistrationTicket? Unprotect(IDataProtectionProvider provider, string? protectedTicket)
    {
        if (string.IsNullOrWhiteSpace(protectedTicket)) return null;
        try
        {
            var parts = provider.CreateProtector(Purpose).Unprotect(protectedTicket).Split('|');
            return parts.Length == 4 && int.TryParse(parts[0], out var id) && long.TryParse(parts[3], out var ticks)
                ? new RegistrationTicket(id, parts[1], parts[2], new DateTime(ticks, DateTimeKind.Utc))
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
