using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.TeacherVerification;

/// <summary>
/// One 6-digit code emailed to an account's active email ("Kode Verifikasi"). Only a salted SHA-256 hash of the code
/// is stored. A code works once (<see cref="UsedUtc"/>), until <see cref="ExpiresUtc"/>, for at most
/// TeacherVerification:MaxTriesPerCode tries (<see cref="Tries"/>, counted when a try begins), and only while it is
/// the newest code of its account (<see cref="ReplacedUtc"/>). The rows also are the account's history of codes: the
/// per-hour and per-day limits count them, and a used code for the account's current address means "Terverifikasi"
/// for an account without PTK data (the operator's own).
/// </summary>
public class AccountVerificationCode
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;
    /// <summary>The PTK record the code verifies, when the account has one (a teacher); null for the operator's own account.</summary>
    public int? StaffId { get; set; }
    public int? InstitutionId { get; set; }
    /// <summary>The address the code was sent to (the email on record at the time).</summary>
    public string Email { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public string Salt { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
    /// <summary>Set when a newer code was sent or the email changed: this one no longer works.</summary>
    public DateTime? ReplacedUtc { get; set; }
    /// <summary>Tries so far (the right one included), counted when each begins.</summary>
    public int Tries { get; set; }
    /// <summary>The email that carried the code, for its delivery status (queued, sent, failed).</summary>
    public long? OutboxMessageId { get; set; }
}

public class AccountVerificationCodeConfiguration : IEntityTypeConfiguration<AccountVerificationCode>
{
    public void Configure(EntityTypeBuilder<AccountVerificationCode> b)
    {
        b.ToTable("AccountVerificationCodes");
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.Email).HasMaxLength(320);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.Property(c => c.Salt).HasMaxLength(32);
        b.HasIndex(c => new { c.UserId, c.CreatedUtc });
        b.HasIndex(c => c.StaffId);
        b.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(c => c.StaffId).OnDelete(DeleteBehavior.SetNull);
    }
}
