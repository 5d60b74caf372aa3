using System.Security.Cryptography;
using System.Text.Json;
using Madrasah.Blazor.Data;
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

/// <summary>Whose a receipt is, for the download rule of its kind (<see cref="IReceiptAccessRule"/>).</summary>
public sealed record ReceiptOwner(string Number, string Kind, int? InstitutionId, int? DistrictId);

/// <summary>
/// Issues receipts and finds them again. Issuing is two steps so that no PDF is ever drawn while the database is held:
/// <see cref="AddAsync"/> takes the next number and writes the row inside the caller's (short) transaction, so numbers
/// have no gaps and a rolled-back change gives its number back; after the commit <see cref="DrawAsync"/> draws the PDF
/// outside any transaction and stores it with one short update. A receipt whose drawing never happened (a crash in
/// between) is drawn by its first download.
/// </summary>
public sealed class ReceiptService(
    IDbContextFactory<MadrasahDbContext> factory,
    ReceiptNumberGenerator numbers,
    PdfReceiptWriter writer,
    ReceiptLinks links,
    TimeProvider clock,
    ILogger<ReceiptService> logger)
{
    /// <summary>Issues a receipt on its own: number and row in a short transaction, then the PDF drawn after the commit.</summary>
    public async Task<Receipt> IssueAsync(ReceiptRequest request, string issuedByName, CancellationToken cancellationToken = default)
    {
        int id;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            id = (await AddAsync(db, request, issuedByName, cancellationToken)).Id;
        return await DrawAsync(id, cancellationToken);
    }

    /// <summary>
    /// Adds a receipt to the caller's context and saves it: its number and what its PDF will show, not the PDF. Inside
    /// the caller's transaction when there is one (the caller commits, e.g. with the change the receipt records, and then
    /// calls <see cref="TryDrawAsync"/>, never inside its transaction); otherwise in a short transaction of its own.
    /// Either way a failed issue rolls its number back, so numbers have no gaps.
    /// </summary>
    public async Task<Receipt> AddAsync(MadrasahDbContext db, ReceiptRequest request, string issuedByName, CancellationToken cancellationToken = default)
    {
        await using var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var receipt = (await AddUnsavedAsync(db, [(request, issuedByName)], cancellationToken))[0];
        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
        return receipt;
    }

    /// <summary>
    /// Numbers several receipts (one number statement per kind, in the order given) and adds them to the caller's
    /// context without saving: for a batch that saves them with its own rows, inside its transaction (which must be
    /// open, so a rollback gives the numbers back).
    /// </summary>
    public async Task<IReadOnlyList<Receipt>> AddUnsavedAsync(MadrasahDbContext db, IReadOnlyList<(ReceiptRequest Request, string IssuedByName)> requests,
        CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Receipts are numbered inside the caller's transaction.");
        var issuedUtc = clock.GetUtcNow().UtcDateTime;
        var receipts = new Receipt[requests.Count];
        foreach (var kind in requests.Select((r, i) => (r.Request.Kind, Index: i)).GroupBy(x => x.Kind.Code))
        {
            var indexes = kind.Select(x => x.Index).ToList();
            var numbered = await numbers.NextRangeAsync(db, kind.First().Kind, issuedUtc, indexes.Count, cancellationToken);
            foreach (var (index, number) in indexes.Zip(numbered))
            {
                var (request, issuedByName) = requests[index];
                receipts[index] = new Receipt
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
                    SectionsJson = JsonSerializer.Serialize(request.Sections ?? []),
                };
                db.Add(receipts[index]);
            }
        }
        return receipts;
    }

    /// <summary>
    /// Draws and stores the PDF of a committed receipt unless that is done already, and returns the stored receipt. The
    /// PDF is drawn with no transaction open, with a new verification code; the PDF, its fingerprint and the code's hash
    /// are then written by one short update that applies only while no PDF is stored, so of two parallel first
    /// downloads one PDF is kept and both hand out that one.
    /// </summary>
    public async Task<Receipt> DrawAsync(int receiptId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var receipt = await db.Set<Receipt>().AsNoTracking().FirstAsync(r => r.Id == receiptId, cancellationToken);
        if (receipt.IsDrawn) return receipt;

        var code = VerificationCode.New();
        var pdf = writer.Write(new ReceiptDocument(
            receipt.Number, receipt.Title, receipt.IssuedUtc, receipt.IssuedByName, receipt.InstitutionName,
            JsonSerializer.Deserialize<List<ReceiptFact>>(receipt.FactsJson) ?? [],
            JsonSerializer.Deserialize<List<ReceiptSection>>(receipt.SectionsJson) ?? [],
            links.VerificationUrl(receipt.Number, code), VerificationCode.Group(code), links.VerificationPageUrl));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var codeHash = VerificationCode.Hash(code);

        var stored = await db.Set<Receipt>().Where(r => r.Id == receiptId && r.Sha256 == "")
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.PdfBytes, pdf)
                .SetProperty(r => r.Sha256, sha256)
                .SetProperty(r => r.VerificationCodeHash, codeHash), cancellationToken);
        if (stored == 0) return await db.Set<Receipt>().AsNoTracking().FirstAsync(r => r.Id == receiptId, cancellationToken);
        receipt.PdfBytes = pdf;
        receipt.Sha256 = sha256;
        receipt.VerificationCodeHash = codeHash;
        return receipt;
    }

    /// <summary>
    /// <see cref="DrawAsync"/> after the caller's commit: the work the receipt records is saved already, so a failure to
    /// draw is logged and left to the first download rather than reported as a failure of that work.
    /// </summary>
    public async Task<Receipt?> TryDrawAsync(int receiptId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DrawAsync(receiptId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The PDF of receipt {ReceiptId} was not drawn after its commit; its first download draws it.", receiptId);
            return null;
        }
    }

    /// <summary>
    /// The receipt with this number when <paramref name="code"/> is its verification code (as typed: any case, spaces,
    /// dashes), for anyone (signed in or not); otherwise null, the same for an unknown number, a wrong code, and a
    /// receipt not drawn yet. The number alone never finds anything.
    /// </summary>
    public async Task<ReceiptVerification?> VerifyAsync(string? number, string? code, CancellationToken cancellationToken = default)
    {
        number = ReceiptLinks.Normalize(number ?? "");
        if (number.Length is 0 or > 40) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<Receipt>().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new { r.Number, r.Title, r.InstitutionName, r.IssuedUtc, r.FactsJson, r.Sha256, r.VerificationCodeHash })
            .FirstOrDefaultAsync(cancellationToken);
        // The code is checked (in constant time) whether or not the number exists.
        var matches = VerificationCode.Matches(code, row?.VerificationCodeHash);
        return row is null || !matches ? null : new ReceiptVerification(
            row.Number, row.Title, row.InstitutionName, row.IssuedUtc,
            JsonSerializer.Deserialize<List<ReceiptFact>>(row.FactsJson) ?? [], row.Sha256);
    }

    /// <summary>
    /// The receipt's PDF when <paramref name="mayRead"/> allows it (the download endpoint asks the rule of the receipt's
    /// kind, see <see cref="IReceiptAccessRule"/>), drawn first if it never was; null when there is no such receipt or
    /// it is not allowed.
    /// </summary>
    public async Task<ReceiptFile?> GetPdfAsync(string number, Func<ReceiptOwner, Task<bool>> mayRead, CancellationToken cancellationToken = default)
    {
        number = ReceiptLinks.Normalize(number);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<Receipt>().AsNoTracking().Where(r => r.Number == number)
            .Select(r => new { r.Id, Owner = new ReceiptOwner(r.Number, r.Kind, r.InstitutionId, r.DistrictId), Drawn = r.Sha256 != "" })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !await mayRead(found.Owner)) return null;
        var bytes = found.Drawn
            ? await db.Set<Receipt>().Where(r => r.Id == found.Id).Select(r => r.PdfBytes).FirstAsync(cancellationToken)
            : (await DrawAsync(found.Id, cancellationToken)).PdfBytes;
        return new ReceiptFile(ReceiptLinks.FileName(number), bytes);
    }
}
