using Microsoft.AspNetCore.Identity;

namespace Madrasah.Blazor.Infrastructure.Identity;

/// <summary>Identity's messages in Bahasa Indonesia; the password is called "Password", as the forms and the seed label it.</summary>
public sealed class IndonesianIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Terjadi kesalahan. Silakan coba lagi.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Data akun telah diubah oleh proses lain. Muat ulang halaman lalu coba lagi.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Password salah.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Tautan atau kode tidak berlaku lagi.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Akun ini sudah terhubung dengan pengguna lain.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Nama pengguna '{userName}' tidak valid.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Alamat email '{email}' tidak valid.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Email '{userName}' sudah digunakan oleh akun lain.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Email '{email}' sudah digunakan oleh akun lain.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Nama peran '{role}' tidak valid.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Peran '{role}' sudah ada.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Akun ini sudah memiliki Password.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Penguncian akun tidak aktif untuk pengguna ini.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Pengguna sudah memiliki peran '{role}'.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Pengguna tidak memiliki peran '{role}'.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Password minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Password harus memuat minimal {uniqueChars} karakter berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Password harus memuat karakter simbol (mis. ! @ # $).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Password harus memuat angka (0–9).");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Password harus memuat huruf kecil (a–z).");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Password harus memuat huruf besar (A–Z).");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Kode pemulihan tidak berlaku.");
}
