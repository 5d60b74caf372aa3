using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

/// <summary>A sign-in account, bound to one institution (operator, head, staff) or one district (district admin).</summary>
public class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public string? Nik { get; set; }

    public int? InstitutionId { get; set; }
    public Institution? Institution { get; set; }

    public int? DistrictId { get; set; }
    public District? District { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(u => u.Nik).HasMaxLength(16);
        b.HasIndex(u => u.Nik);
        b.HasOne(u => u.Institution).WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.District).WithMany().HasForeignKey(u => u.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
