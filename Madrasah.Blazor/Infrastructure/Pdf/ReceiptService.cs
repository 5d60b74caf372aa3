using System.Security.Cryptography;
using System.Text.Json;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>What to issue: the kind, whose it is (for scoping and the PDF), the facts, and optional extra sections.</summary>
public sealed record ReceiptRequest(
    ReceiptKind Kind, int? InstitutionId, int? DistrictId, string? InstitutionName,
    IReadOnlyList<ReceiptFact> Facts, IReadOnlyList<ReceiptSection>? Sections = null);

/// <summary>What the public verification page shows of a receipt (never the PDF itself).</summary>
public sealed record ReceiptVerification(
    string Number, string Title, string? InstitutionName, DateTime IssuedUtc, IReadOnlyList<ReceiptFact> Facts, string Sha256);

/// <summary>A receipt's PDF for download.</summary>
public sealed record ReceiptFile(string FileName, byte[] Content);

/// <summary>Issues receipts (number, PDF, stored row in one transaction) and finds them again.</summary>
public sealed class ReceiptService(
    IDbContextFactory<MadrasahDbContext> factory,
    ReceiptNumberGenerator numbers,
    PdfReceiptWriter writer,
    ReceiptLinks links,
    TimeProvider clock)
{
    /// <summary>Issues a receipt on its own.</summary>
    public async Task<Receipt> IssueAsync(ReceiptRequest request, string issuedByName, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await IssueAsync(db, request, issuedByName, cancellationToken);
    }

    /// <summary>
    /// Issues a receipt in the caller's context and saves it. Inside the caller's transaction when there is one
    /// (the caller then commits, e.g. with its audit entry); otherwise in a transaction of its own. Either way a
    /// failed issue rolls its number back, so numbers have no gaps.
    /// </summary>
    public async Task<Receipt> IssueAsync(MadrasahDbContext db, ReceiptRequest request, string issuedByName, CancellationToken cancellationToken = default)
    {
        await using var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;

        var issuedUtc = clock.GetUtcNow().UtcDateTime;
        var number = await numbers.NextAsync(db, request.Kind, issuedUtc, cancellationToken);
        var pdf = writer.Write(new ReceiptDocument(
            number, request.Kind.Title, issuedUtc, issuedByName, request.InstitutionName,
            request.Facts, request.Sections ?? [], links.VerificationUrl(number)));

        var receipt = new Receipt
        {
            Number = number,
            Kind = request.Kind.Code,
            Title = request.Kind.Title,
            InstitutionId = request.InstitutionId,
            DistrictId = request.DistrictId,
            InstitutionName = request.InstitutionName,
            IssuedUtc = issuedUtc,
            IssuedByName = issuedByName,
            FactsJson = JsonSerializer.Serialize(request.Facts),
            PdfBytes = pdf,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
        };
        db.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        return receipt;
    }

    /// <summary>The receipt with this number for anyone (signed in or not), or null when no such receipt was issued.</summary>
    public async Task<ReceiptVerification?> VerifyAsync(string number, CancellationToken cancellationToken = default)
    {
        number = ReceiptLinks.Normalize(number);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<Receipt>().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new { r.Number, r.Title, r.InstitutionName, r.IssuedUtc, r.FactsJson, r.Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new ReceiptVerification(
            row.Number, row.Title, row.InstitutionName, row.IssuedUtc,
            JsonSerializer.Deserialize<List<ReceiptFact>>(row.FactsJson) ?? [], row.Sha256);
    }

    /// <summary>The issued PDF, or null when there is no such receipt or it lies outside the user's scope.</summary>
    public async Task<ReceiptFile?> GetPdfAsync(UserScope scope, string number, CancellationToken cancellationToken = default) =>
        await GetPdfAsync(number, owner => Task.FromResult(owner.IsVisibleTo(scope)), cancellationToken);

    /// <summary>
    /// The issued PDF when <paramref name="mayRead"/> allows its owner (the download endpoint asks the
    /// <see cref="Policies.InScope"/> policy), or null when there is no such receipt or it is not allowed.
    /// </summary>
    public async Task<ReceiptFile?> GetPdfAsync(string number, Func<InstitutionRef, Task<bool>> mayRead, CancellationToken cancellationToken = default)
    {
        number = ReceiptLinks.Normalize(number);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Set<Receipt>().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new InstitutionRef(r.InstitutionId, r.DistrictId, null))
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is null || !await mayRead(owner)) return null;
        var bytes = await db.Set<Receipt>().Where(r => r.Number == number).Select(r => r.PdfBytes).FirstAsync(cancellationToken);
        return new ReceiptFile(ReceiptLinks.FileName(number), bytes);
    }
}
