using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Institutions;

/// <summary>A receipt just issued, with where to show and download its PDF.</summary>
public sealed record IssuedReceipt(string Number, string FileName, string PdfUrl, string DownloadUrl);

/// <summary>Issues the "Bukti Profil Lembaga": the institution's identity as it stands now, as a verifiable PDF.</summary>
public sealed class InstitutionProfileReceiptService(
    IDbContextFactory<MadrasahDbContext> factory,
    InstitutionService institutions,
    ReceiptService receipts,
    AuditLog audit)
{
    public static readonly ReceiptKind Kind = new("institution-profile", "BPL", "Bukti Profil Lembaga");

    /// <summary>Issues the receipt for an institution the user may see; null when it does not exist or lies outside the scope.</summary>
    public async Task<IssuedReceipt?> IssueAsync(UserScope scope, int institutionId, CancellationToken cancellationToken = default)
    {
        var profile = await institutions.GetProfileAsync(scope, institutionId);
        if (profile is null) return null;

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var districtId = await db.Institutions.Where(i => i.Id == profile.Id).Select(i => i.DistrictId).FirstAsync(cancellationToken);
        Receipt receipt;

        // The number, the row and the audit entry in one short transaction; the PDF is drawn after it commits.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            receipt = await receipts.AddAsync(db, new ReceiptRequest(Kind, profile.Id, districtId, profile.Name, Facts(profile)), scope.FullName, cancellationToken);
            audit.Record(db, scope, "receipts.institution-profile-issued",
                $"Mencetak {Kind.Title} {receipt.Number} untuk {profile.Name}.",
                profile.Id, districtId, nameof(Receipt), receipt.Number);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await receipts.TryDrawAsync(receipt.Id, cancellationToken);

        return new IssuedReceipt(receipt.Number, ReceiptLinks.FileName(receipt.Number),
            ReceiptLinks.PdfPath(receipt.Number), ReceiptLinks.PdfPath(receipt.Number, download: true));
    }

    private static List<ReceiptFact> Facts(InstitutionProfile p) =>
    [
        new("Nama Lembaga", p.Name),
        new("Jenjang / Jenis", p.Type.Label()),
        new(p.StatisticNumberLabel, p.StatisticNumber),
        new("NPSN", p.Npsn ?? "—"),
        new("Alamat", p.FullAddress),
        new("Kepala Lembaga", p.HeadName ?? "—"),
        new("Jumlah Siswa/Santri", p.StudentCount.ToString("N0", Infrastructure.Time.Wib.Culture)),
        new("Jumlah Guru", p.TeacherCount.ToString("N0", Infrastructure.Time.Wib.Culture)),
    ];
}
