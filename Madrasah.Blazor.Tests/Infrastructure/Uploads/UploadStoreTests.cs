using System.Text;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Uploads;

public sealed class UploadStoreTests : IAsyncLifetime
{
    private readonly AppServices _app = new((services, configuration) => services.AddUploads(configuration));
    private UploadStore _store = null!;
    private UserScope _operatorA = null!, _operatorB = null!;
    private int _districtId;

    public async ValueTask InitializeAsync()
    {
        var a = await _app.Database.AddInstitutionAsync("MIN A", "111100000001");
        var b = await _app.Database.AddInstitutionAsync("MIN B", "111100000002");
        _districtId = a.DistrictId;
        _operatorA = new UserScope("op-a", "op-a@contoh.id", "Operator A", Roles.Operator, a.Id, null);
        _operatorB = new UserScope("op-b", "op-b@contoh.id", "Operator B", Roles.Operator, b.Id, null);
        _store = _app.Provider.GetRequiredService<UploadStore>();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static readonly UploadRule SuratTugas = UploadRule.Pdf("Surat Tugas", 300 * 1024);

    private static MemoryStream Pdf(int size)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        return new MemoryStream(bytes);
    }

    [Fact]
    public async Task An_upload_is_audited_with_its_change_and_a_file_whose_change_never_committed_is_swept_later()
    {
        string committed, abandoned, recent;
        await using (var db = _app.Database.CreateContext())
        {
            committed = (await _store.SaveAsync(db, _operatorA, Pdf(2_000), "surat.pdf", SuratTugas)).StoredName;
            await db.SaveChangesAsync();
        }
        await using (var db = _app.Database.CreateContext())
            abandoned = (await _store.SaveAsync(db, _operatorA, Pdf(2_000), "gagal.pdf", SuratTugas)).StoredName; // never saved
        await using (var db = _app.Database.CreateContext())
            recent = (await _store.SaveAsync(db, _operatorA, Pdf(2_000), "sedang.pdf", SuratTugas)).StoredName; // maybe still committing

        await using (var db = _app.Database.CreateContext())
        {
            var entry = await db.Set<Madrasah.Blazor.Infrastructure.Audit.AuditEntry>().SingleAsync(a => a.Action == "upload.stored");
            Assert.Equal("Surat Tugas: berkas surat.pdf (1 KB) diunggah.", entry.Summary);
            Assert.Equal(_operatorA.InstitutionId, entry.InstitutionId);
        }

        var folder = Path.Combine(_app.Database.Folder, "uploads");
        foreach (var name in new[] { committed, abandoned })
            File.SetLastWriteTimeUtc(Path.Combine(folder, name), DateTime.UtcNow - UploadJanitor.GracePeriod - TimeSpan.FromMinutes(5));

        Assert.Equal(1, await _app.Provider.GetRequiredService<UploadJanitor>().SweepAsync());
        Assert.True(File.Exists(Path.Combine(folder, committed)));
        Assert.False(File.Exists(Path.Combine(folder, abandoned)));
        Assert.True(File.Exists(Path.Combine(folder, recent)));
    }

    [Fact]
    public async Task A_real_pdf_is_stored_outside_wwwroot_under_a_generated_name()
    {
        await using var db = _app.Database.CreateContext();
        var upload = await _store.SaveAsync(db, _operatorA, Pdf(10_000), "../../surat tugas.pdf", SuratTugas);
        await db.SaveChangesAsync();

        Assert.Equal("surat tugas.pdf", upload.OriginalName);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", upload.StoredName);
        Assert.True(File.Exists(Path.Combine(_app.Database.Folder, "uploads", upload.StoredName)));
        Assert.Equal(10_000, upload.SizeBytes);
    }

    [Fact]
    public async Task A_stored_file_is_complete_under_its_name_when_the_save_returns_before_its_row_is_saved()
    {
        var content = Pdf(250_000).ToArray();
        Random.Shared.NextBytes(content.AsSpan(9));
        await using var db = _app.Database.CreateContext();

        var upload = await _store.SaveAsync(db, _operatorA, new MemoryStream(content), "surat.pdf", SuratTugas);

        // The row is not saved yet (the caller commits it with its change): the file must already be whole.
        var folder = Path.Combine(_app.Database.Folder, "uploads");
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(folder, upload.StoredName)));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant(), upload.Sha256);
        Assert.Equal([upload.StoredName], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Empty(_app.Database.CreateContext().Set<StoredUpload>());
    }

    [Fact]
    public async Task A_file_stored_for_a_refused_change_is_deleted_and_a_temporary_file_left_by_a_crash_is_swept()
    {
        var upload = await _store.StoreAsync(_operatorA, Pdf(2_000), "surat.pdf", SuratTugas);
        var folder = Path.Combine(_app.Database.Folder, "uploads");
        Assert.True(File.Exists(Path.Combine(folder, upload.StoredName)));

        _store.Delete(upload);
        Assert.False(File.Exists(Path.Combine(folder, upload.StoredName)));

        var leftover = Path.Combine(folder, "tmp-0123456789abcdef0123456789abcdef.part");
        await File.WriteAllBytesAsync(leftover, new byte[100]);
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow - UploadJanitor.GracePeriod - TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _app.Provider.GetRequiredService<UploadJanitor>().SweepAsync());
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task A_renamed_non_pdf_is_refused_naming_the_field()
    {
        await using var db = _app.Database.CreateContext();
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            _store.SaveAsync(db, _operatorA, new MemoryStream(Encoding.UTF8.GetBytes("<html>bukan pdf</html>")), "surat.pdf", SuratTugas));
        Assert.StartsWith("Surat Tugas:", error.Message);
        Assert.Contains("bukan PDF", error.Message);
        Assert.Empty(_app.Database.CreateContext().Set<StoredUpload>());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit()
    {
        await using var db = _app.Database.CreateContext();
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            _store.SaveAsync(db, _operatorA, Pdf(300 * 1024 + 1), "surat.pdf", SuratTugas));
        Assert.Equal("Surat Tugas: ukuran berkas melebihi batas 300 KB.", error.Message);
    }

    [Fact]
    public async Task A_file_at_the_limit_is_accepted()
    {
        await using var db = _app.Database.CreateContext();
        var upload = await _store.SaveAsync(db, _operatorA, Pdf(300 * 1024), "surat.pdf", SuratTugas);
        Assert.Equal(300 * 1024, upload.SizeBytes);
    }

    [Fact]
    public async Task Only_users_in_scope_can_open_a_file()
    {
        Guid id;
        await using (var db = _app.Database.CreateContext())
        {
            id = (await _store.SaveAsync(db, _operatorA, Pdf(2000), "surat.pdf", SuratTugas)).Id;
            await db.SaveChangesAsync();
        }
        await using var read = _app.Database.CreateContext();
        var own = await _store.OpenAsync(read, _operatorA, id);
        Assert.NotNull(own);
        await own.Value.Content.DisposeAsync();
        Assert.Null(await _store.OpenAsync(read, _operatorB, id));
        Assert.Null(await _store.OpenAsync(read, UserScope.Anonymous, id));
        var district = await _store.OpenAsync(read, new UserScope("adm", "adm", "Admin", Roles.AdminKabKota, null, _districtId), id);
        Assert.NotNull(district);
        await district.Value.Content.DisposeAsync();
    }
}
