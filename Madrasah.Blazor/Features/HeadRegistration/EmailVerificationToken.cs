using Madrasah.Blazor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.HeadRegistration;

/// <summary>
/// One verification link sent to a new head's email. Only the SHA-256 hash of the link's token is stored; the
/// link works once, until <see cref="ExpiresUtc"/>, and only while it is the newest link of its account.
/// </summary>
public class EmailVerificationToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;
    public string TokenHash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
    /// <summary>Set when a newer link was requested: this one no longer works.</summary>
    public DateTime? ReplacedUtc { get; set; }
}

public class EmailVerificationTokenConfiguration : IEntityTypeConfiguration<EmailVerificationToken>
{
    public void Configure(EntityTypeBuilder<EmailVerificationToken> b)
    {
        b.ToTable("EmailVerificationTokens");
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
