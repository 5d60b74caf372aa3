using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Data;

/// <summary>
/// A sign-in account, bound to one institution (operator, head, staff) or one district (district admin). A saved
/// change of its security stamp or lockout (sign-out, deactivation, a new Password), or its deletion, publishes its
/// session topic: its open pages check their sign-in at once (SessionValidator).
/// </summary>
public class ApplicationUser : IdentityUser, ILiveTopicsSource
{
    public string FullName { get; set; } = "";
    public string? Nik { get; set; }

    public int? InstitutionId { get; set; }
    public Institution? Institution { get; set; }

    public int? DistrictId { get; set; }
    public District? District { get; set; }

    public DateTime CreatedUtc { get; set; }

    IEnumerable<string> ILiveTopicsSource.LiveTopics(EntityEntry entry)
    {
        if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && (Changed(entry, nameof(SecurityStamp)) || Changed(entry, nameof(LockoutEnd)))))
            yield return Infrastructure.Live.LiveTopics.AccountSession(Id);
    }

    /// <summary>Identity's store marks every property modified on update: compare the values instead.</summary>
    private static bool Changed(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return value.IsModified && !Equals(value.OriginalValue, value.CurrentValue);
    }
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
