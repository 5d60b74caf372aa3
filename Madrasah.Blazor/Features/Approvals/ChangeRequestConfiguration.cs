using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madrasah.Blazor.Features.Approvals;

public class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> b)
    {
        b.ToTable("ChangeRequests");
        b.Property(r => r.OperatorNote).HasMaxLength(ChangeRequest.ReasonMaxLength);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.CreatedByName).HasMaxLength(200);
        b.Property(r => r.DistrictReason).HasMaxLength(ChangeRequest.ReasonMaxLength);
        b.Property(r => r.ReceiptNumber).HasMaxLength(40);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => new { r.InstitutionId, r.Status });
        b.HasIndex(r => new { r.Status, r.SubmittedUtc });
        b.HasOne(r => r.Institution).WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Fields).WithOne().HasForeignKey(f => f.ChangeRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ChangeRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ChangeRequestFieldConfiguration : IEntityTypeConfiguration<ChangeRequestField>
{
    public void Configure(EntityTypeBuilder<ChangeRequestField> b)
    {
        b.ToTable("ChangeRequestFields");
        b.Property(f => f.FieldKey).HasMaxLength(40);
        b.Property(f => f.Label).HasMaxLength(100);
        b.Property(f => f.OldValue).HasMaxLength(2000);
        b.Property(f => f.NewValue).HasMaxLength(2000);
        b.Property(f => f.HeadReason).HasMaxLength(ChangeRequest.ReasonMaxLength);
        b.Property(f => f.DistrictReason).HasMaxLength(ChangeRequest.ReasonMaxLength);
        b.HasIndex(f => new { f.ChangeRequestId, f.FieldKey }).IsUnique();
    }
}

public class ChangeRequestEventConfiguration : IEntityTypeConfiguration<ChangeRequestEvent>
{
    public void Configure(EntityTypeBuilder<ChangeRequestEvent> b)
    {
        b.ToTable("ChangeRequestEvents");
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorRole).HasMaxLength(60);
        b.Property(e => e.FieldLabel).HasMaxLength(100);
        b.Property(e => e.Reason).HasMaxLength(ChangeRequest.ReasonMaxLength);
        b.HasIndex(e => new { e.ChangeRequestId, e.OccurredUtc });
    }
}
