using System.Security.Cryptography;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Infrastructure.Uploads;

public sealed class UploadOptions
{
    /// <summary>Folder for uploaded files, outside wwwroot; relative paths are taken from the app's folder.</summary>
    public string Folder { get; set; } = "App_Data/uploads";
}

/// <summary>What a field accepts: its Indonesian label (named in every message), types and size limit.</summary>
public sealed record UploadRule(string FieldLabel, long MaxBytes, params FileKind[] Kinds)
{
    public static UploadRule Pdf(string fieldLabel, long maxBytes) => new(fieldLabel, maxBytes, FileKind.Pdf);
    public string MaxSizeText => SizeText(MaxBytes);

    /// <summary>"300 KB", "1,5 MB" (in the current culture).</summary>
    public static string SizeText(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}

public enum FileKind { Pdf, Png, Jpeg }

public sealed class UploadRejectedException(string message) : Exception(message);

/// <summary>
/// Checks a file by its content (a PDF must start with "%PDF-", images by their signatures, not by the
/// name the user gave it), stores it under a generated name and records it. Errors name the field in Indonesian.
/// </summary>
public sealed class UploadStore(IOptions<UploadOptions> options, IHostEnvironment environment, AuditLog audit, TimeProvider clock)
{
    internal string Folder
    {
        get
        {
            var folder = options.Value.Folder;
            var full = Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
            Directory.CreateDirectory(full);
            return full;
        }
    }

    /// <summary>
    /// Validates and writes the file (on the disk, see <see cref="StoreAsync"/>), and adds its record to
    /// <paramref name="db"/> (saved by the caller with the change it belongs to). Throws
    /// <see cref="UploadRejectedException"/> with an Indonesian message when refused.
    /// </summary>
    public async Task<StoredUpload> SaveAsync(MadrasahDbContext db, UserScope owner, Stream content, string originalName, UploadRule rule,
        int? institutionId = null, CancellationToken cancellationToken = default)
    {
        var upload = await StoreAsync(owner, content, originalName, rule, institutionId, cancellationToken: cancellationToken);
        Add(db, owner, upload, rule);
        return upload;
    }

    /// <summary>
    /// Validates the file by its content and writes it durably (flushed to the disk, then renamed to its generated
    /// name, then the folder flushed): when this returns, the file is complete on the disk, so the row that names it may
    /// commit. Its record is not added anywhere: the caller adds it with <see cref="Add"/> to the change it belongs to
    /// (should that change never commit, <see cref="UploadJanitor"/> removes the file; or the caller <see cref="Delete"/>s
    /// it at once). Throws <see cref="UploadRejectedException"/> with an Indonesian message when refused.
    /// <para>
    /// With <paramref name="flushFolder"/> false the file's name is not yet flushed to the disk: the caller must call
    /// <see cref="FlushFolder"/> before the row that names it commits (a writer of many rows does it once for all).
    /// </para>
    /// </summary>
    public async Task<StoredUpload> StoreAsync(UserScope owner, Stream content, string originalName, UploadRule rule,
        int? institutionId = null, bool flushFolder = true, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAsync(content, rule, cancellationToken);
        if (bytes.Length == 0) throw new UploadRejectedException($"{rule.FieldLabel}: berkas kosong.");
        var kind = Detect(bytes.Span);
        if (kind is null || !rule.Kinds.Contains(kind.Value))
            throw new UploadRejectedException($"{rule.FieldLabel}: isi berkas bukan {string.Join(" atau ", rule.Kinds.Select(KindName))}. Unggah berkas {string.Join("/", rule.Kinds.Select(KindName))} yang asli.");

        var upload = new StoredUpload
        {
            Id = Guid.NewGuid(),
            OriginalName = SafeName(originalName, kind.Value),
            ContentType = ContentTypeOf(kind.Value),
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes.Span)).ToLowerInvariant(),
            InstitutionId = institutionId ?? owner.InstitutionId,
            DistrictId = owner.DistrictId,
            UploadedByUserId = owner.UserId,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        upload.StoredName = upload.Id.ToString("N") + Extension(kind.Value);
        // On the disk before the caller commits its row: should the caller's transaction fail, UploadJanitor removes the file.
        await DurableFile.WriteAsync(Path.Combine(Folder, upload.StoredName), bytes, flushFolder, cancellationToken);
        return upload;
    }

    /// <summary>The content, read at most one byte past the limit: enough to refuse, never an unbounded buffer.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream content, UploadRule rule, CancellationToken cancellationToken)
    {
        UploadRejectedException TooLarge() => new($"{rule.FieldLabel}: ukuran berkas melebihi batas {rule.MaxSizeText}.");
        // Content already in memory (a form's file read by the page) is used as it is, not copied.
        if (content is MemoryStream memory && memory.TryGetBuffer(out var segment))
            return segment.Count - (int)memory.Position > rule.MaxBytes ? throw TooLarge() : segment.AsMemory((int)memory.Position);
        var buffer = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length - content.Position + 1, rule.MaxBytes + 1) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > rule.MaxBytes) throw TooLarge();
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Flushes the names of the files stored so far to the disk (see <see cref="StoreAsync"/>).</summary>
    public void FlushFolder() => DurableFile.FlushFolder(Folder);

    /// <summary>Adds the record of a file stored by <see cref="StoreAsync"/> (and its audit entry) to the caller's change.</summary>
    public void Add(MadrasahDbContext db, UserScope owner, StoredUpload upload, UploadRule rule)
    {
        db.Add(upload);
        audit.Record(db, owner, "upload.stored", $"{rule.FieldLabel}: berkas {upload.OriginalName} ({UploadRule.SizeText(upload.SizeBytes)}) diunggah.",
            institutionId: upload.InstitutionId, entityType: nameof(StoredUpload), entityId: upload.Id);
    }

    /// <summary>Removes the file of a stored upload whose change was refused (its record was never committed).</summary>
    public void Delete(StoredUpload upload)
    {
        try { File.Delete(Path.Combine(Folder, upload.StoredName)); }
        catch (IOException) { } // UploadJanitor removes it later
    }

    /// <summary>The file's record and content, or null when missing or outside the user's scope.</summary>
    public Task<(StoredUpload Upload, Stream Content)?> OpenAsync(MadrasahDbContext db, UserScope reader, Guid id) =>
        OpenAsync(db, id, owner => Task.FromResult(owner.IsVisibleTo(reader)));

    /// <summary>
    /// The file's record and content when <paramref name="mayRead"/> allows its owner (the /berkas endpoint asks the
    /// uploader and the rule of the page the file belongs to, see <see cref="IUploadAccessRule"/>), or null when missing
    /// or not allowed.
    /// </summary>
    public async Task<(StoredUpload Upload, Stream Content)?> OpenAsync(MadrasahDbContext db, Guid id, Func<InstitutionRef, Task<bool>> mayRead)
    {
        var upload = await db.Set<StoredUpload>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (upload is null) return null;
        // The district of an institution's file is the institution's (it may have moved); otherwise the uploader's.
        var districtId = upload.InstitutionId is { } institutionId
            ? await db.Institutions.Where(i => i.Id == institutionId).Select(i => (int?)i.DistrictId).FirstOrDefaultAsync()
            : upload.DistrictId;
        if (!await mayRead(new InstitutionRef(upload.InstitutionId, districtId, upload.UploadedByUserId))) return null;
        var path = Path.Combine(Folder, upload.StoredName);
        return File.Exists(path) ? (upload, File.OpenRead(path)) : null;
    }

    public static FileKind? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8)) return FileKind.Pdf;
        if (bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return FileKind.Png;
        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return FileKind.Jpeg;
        return null;
    }

    private static string KindName(FileKind kind) => kind switch { FileKind.Pdf => "PDF", FileKind.Png => "PNG", _ => "JPEG" };
    private static string ContentTypeOf(FileKind kind) => kind switch { FileKind.Pdf => "application/pdf", FileKind.Png => "image/png", _ => "image/jpeg" };
    private static string Extension(FileKind kind) => kind switch { FileKind.Pdf => ".pdf", FileKind.Png => ".png", _ => ".jpg" };

    /// <summary>The user's file name for display and download only: no path, no control characters, the true extension.</summary>
    private static string SafeName(string originalName, FileKind kind)
    {
        var name = Path.GetFileNameWithoutExtension(originalName.Replace('\\', '/').Split('/').Last());
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (name.Length == 0) name = "berkas";
        if (name.Length > 120) name = name[..120];
        return name + Extension(kind);
    }
}
