using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>What one institution holds in the sweep's app: the ids to put into routes and the texts only its own people may read.</summary>
public sealed record SweepHolding(string Institution, int InstitutionId, int DistrictId, string StatisticNumber,
    int ChangeRequestId, string ChangeRequestMarker, string ReceiptNumber, Guid UploadId, string UploadMarker);

/// <summary>Who requests the routes: an account (null: signed out) and what of each holding it may read.</summary>
public sealed record SweepVisitor(string Label, string? Email, Func<SweepHolding, SweepRights> Rights);

/// <summary>What a visitor may read of a holding: its profile (NSM), its change requests and its receipts and uploads.</summary>
public sealed record SweepRights(bool Profile, bool Requests, bool Files)
{
    public static readonly SweepRights None = new(false, false, false);
    public static readonly SweepRights All = new(true, true, true);
}

/// <summary>
/// Every routable address of the app (pages and endpoints), filled with the ids of each institution's holdings, and the
/// visitors of every role that request them (issue 9: "a route sweep … as every role with another institution's ids").
/// A route the app gains without an entry here fails <c>RouteSweepTests</c>, so each new route is swept from day one.
/// </summary>
public static class RouteSweep
{
    /// <summary>Route pattern (as the app's endpoint says it) → the addresses to request for one holding.</summary>
    public static readonly IReadOnlyDictionary<string, Func<SweepHolding, string[]>> Routes = new Dictionary<string, Func<SweepHolding, string[]>>
    {
        ["/"] = _ => ["/"],
        ["/Account/AccessDenied"] = _ => ["/Account/AccessDenied"],
        ["/Account/Lockout"] = _ => ["/Account/Lockout"],
        ["/Account/Login"] = _ => ["/Account/Login", "/Account/Login?ReturnUrl=%2Flembaga"],
        ["/Account/Logout"] = _ => ["/Account/Logout"], // POST only: a GET must not do or show anything
        ["/Error"] = _ => ["/Error"],
        ["/_uji/galat-interaktif"] = _ => ["/_uji/galat-interaktif"],
        ["/admin/hari-libur"] = _ => ["/admin/hari-libur"],
        ["/admin/lembaga"] = _ => ["/admin/lembaga"],
        ["/admin/pengguna"] = _ => ["/admin/pengguna"],
        ["/admin/pengguna/baru"] = _ => ["/admin/pengguna/baru"],
        ["/admin/surat-keluar"] = _ => ["/admin/surat-keluar"],
        // Any other address that looks like a file: neither the app's own files nor its data may be served.
        ["/{**path:file}"] = _ => ["/tidak-ada.txt", "/appsettings.json", "/appsettings.Development.json", "/Madrasah.Blazor.dll",
            "/App_Data/madrasah.db", "/madrasah.db", "/.env", "/web.config"],
        ["/akun/atur-password"] = _ => ["/akun/atur-password"],
        ["/akun/lupa-password"] = _ => ["/akun/lupa-password"],
        ["/akun/password"] = _ => ["/akun/password"],
        ["/absensi"] = _ => ["/absensi"],
        ["/audit"] = h => ["/audit", $"/audit?lembaga={h.InstitutionId}"],
        ["/berkas/{id:guid}"] = h => [$"/berkas/{h.UploadId}"],
        ["/biodata"] = _ => ["/biodata"],
        ["/biodata/{Tab}"] = _ => ["/biodata/akun", "/biodata/data-diri", "/biodata/tidak-ada"],
        ["/bukti/{number}.pdf"] = h => [$"/bukti/{h.ReceiptNumber}.pdf", $"/bukti/{h.ReceiptNumber}.pdf?unduh=1"],
        ["/dev/surat"] = _ => ["/dev/surat"],
        ["/healthz"] = _ => ["/healthz"],
        ["/helpdesk"] = _ => ["/helpdesk"],
        ["/helpdesk/{Id:int}"] = _ => ["/helpdesk/1", "/helpdesk/999999"],
        ["/admin/helpdesk"] = _ => ["/admin/helpdesk"],
        ["/hubungi-kami"] = _ => ["/hubungi-kami"],
        ["/hubungi-kami/laporan/{Token}"] = _ => ["/hubungi-kami/laporan/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/hubungi-kami/laporan/x"],
        ["/kabupaten/lembaga"] = _ => ["/kabupaten/lembaga"],
        ["/kabupaten/persetujuan"] = _ => ["/kabupaten/persetujuan"],
        ["/kepegawaian/pengaduan"] = _ => ["/kepegawaian/pengaduan"],
        ["/kepegawaian/rekap"] = _ => ["/kepegawaian/rekap"],
        ["/kepegawaian/akun"] = _ => ["/kepegawaian/akun"],
        ["/kepegawaian/impor-mesin"] = _ => ["/kepegawaian/impor-mesin"],
        ["/laporan/ketidakhadiran"] = _ => ["/laporan/ketidakhadiran"],
        ["/laporan/ketidakhadiran/baru"] = _ => ["/laporan/ketidakhadiran/baru"],
        ["/laporan/pengaduan"] = _ => ["/laporan/pengaduan"],
        ["/laporan/pengaduan/baru"] = _ => ["/laporan/pengaduan/baru"],
        // No complaint is seeded here: every id answers 404 to everyone (the complaint tests cover the owners).
        ["/laporan/pengaduan/{Id:int}"] = h => [$"/laporan/pengaduan/{h.ChangeRequestId}"],
        ["/lembaga"] = _ => ["/lembaga"],
        ["/lembaga/baru"] = _ => ["/lembaga/baru"],
        ["/lembaga/ubah"] = _ => ["/lembaga/ubah"],
        ["/lembaga/{Id:int}"] = h => [$"/lembaga/{h.InstitutionId}"],
        ["/lembaga/{InstitutionId:int}/pegawai"] = h => [$"/lembaga/{h.InstitutionId}/pegawai"],
        ["/not-found"] = _ => ["/not-found"],
        ["/pegawai"] = _ => ["/pegawai"],
        ["/pontren/antrean"] = _ => ["/pontren/antrean"],
        ["/pontren/data"] = _ => ["/pontren/data", "/pontren/data?bagian=santri"],
        ["/pontren/data/template-santri.xlsx"] = _ => ["/pontren/data/template-santri.xlsx"],
        // Only a registration's own documents, only for its district's admin: another upload's id answers 404.
        ["/pontren/antrean/dokumen/{id:guid}"] = h => [$"/pontren/antrean/dokumen/{h.UploadId}", "/pontren/antrean/dokumen/00000000-0000-0000-0000-000000000000"],
        ["/pontren/daftar"] = _ => ["/pontren/daftar"],
        ["/pontren/daftar/status/{Token}"] = _ => ["/pontren/daftar/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/pontren/daftar/status/x"],
        ["/pontren/sinkronisasi"] = _ => ["/pontren/sinkronisasi"],
        ["/pontren/status-sinkronisasi"] = _ => ["/pontren/status-sinkronisasi"],
        ["/persetujuan"] = _ => ["/persetujuan"],
        ["/perubahan"] = _ => ["/perubahan"],
        ["/perubahan/{Id:int}"] = h => [$"/perubahan/{h.ChangeRequestId}"],
        ["/perubahan/{Id:int}/ubah"] = h => [$"/perubahan/{h.ChangeRequestId}/ubah"],
        ["/ptk/akun"] = _ => ["/ptk/akun"],
        ["/registrasi-kepala/informasi-user"] = _ => ["/registrasi-kepala/informasi-user"],
        ["/registrasi-kepala/kirim-ulang-verifikasi"] = _ => ["/registrasi-kepala/kirim-ulang-verifikasi"],
        ["/registrasi-kepala/verifikasi-email"] = _ => ["/registrasi-kepala/verifikasi-email"],
        ["/verifikasi"] = _ => ["/verifikasi"],
        ["/verifikasi/{Number}"] = h => [$"/verifikasi/{h.ReceiptNumber}"],
    };

    /// <summary>Routes the app maps only when a setting asks for them (the failure probe of the resilience tests).</summary>
    public static readonly IReadOnlySet<string> Conditional = new HashSet<string> { "/_uji/galat" };

    /// <summary>Every demo account, another district's admin and a visitor who is not signed in.</summary>
    public static IReadOnlyList<SweepVisitor> Visitors(SweepHolding min1, SweepHolding mts, SweepHolding bantul)
    {
        SweepRights Own(SweepHolding own, SweepHolding h) => h == own ? SweepRights.All : SweepRights.None;
        // Staff (Pegawai, Petugas Kepegawaian) have no page for their institution's requests, receipts or uploads.
        SweepRights Staff(SweepHolding h) => h == min1 ? SweepRights.None with { Profile = true } : SweepRights.None;
        SweepRights District(int districtId, SweepHolding h) => h.DistrictId == districtId ? SweepRights.All : SweepRights.None;
        return
        [
            new("tamu (belum masuk)", null, _ => SweepRights.None),
            new("Operator MIN 1 Sleman", "operator@min1sleman.sch.id", h => Own(min1, h)),
            new("Kepala MIN 1 Sleman", "kepala@min1sleman.sch.id", h => Own(min1, h)),
            new("Pegawai MIN 1 Sleman", "nur.hidayah@guru.demo.id", Staff),
            new("Petugas Kepegawaian MIN 1 Sleman", "kepegawaian@min1sleman.sch.id", Staff),
            new("Operator MTs Negeri 3 Sleman", "operator@mtsn3sleman.sch.id", h => Own(mts, h)),
            new("Operator Al-Hikmah", "operator@alhikmah.ponpes.id", _ => SweepRights.None),
            new("Admin Kabupaten Sleman", "admin@kemenagsleman.go.id", h => District(min1.DistrictId, h)),
            new("Admin Kabupaten Bantul", BantulAdminEmail, h => District(bantul.DistrictId, h)),
            new("Helpdesk", "helpdesk@madrasah.demo.id", _ => SweepRights.All),
            new("Administrator Sistem", "admin@madrasah.demo.id", _ => SweepRights.All),
        ];
    }

    public const string BantulAdminEmail = "admin@kemenagbantul.go.id";

    /// <summary>
    /// What a careless user or an attacker types, already percent-encoded as it travels (so invalid UTF-8 and lone
    /// surrogates can be sent too): empty, blank, over-long, control and invisible characters, direction overrides,
    /// non-ASCII digits, markup, SQL, path traversal, header injection, numbers out of range.
    /// </summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> MalformedValues =
    [
        ("kosong", ""),
        ("spasi", "%20%20%20"),
        ("300 huruf", new string('a', 300)),
        ("70.000 huruf", new string('x', 70_000)),
        ("NUL", "%00"),
        ("UTF-8 rusak", "%FF%FE%FD"),
        ("surrogate tunggal", "%ED%A0%80"),
        ("persen rusak", "%ZZ%"),
        ("skrip", Uri.EscapeDataString("<script>alert(1)</script>")),
        ("SQL", Uri.EscapeDataString("' OR '1'='1' --")),
        ("angka Arab", Uri.EscapeDataString("٣٤٠٤٠٧١٢١١٧٥٠٠٠١")),
        ("angka lebar", Uri.EscapeDataString("１２３４５")),
        ("pembalik arah", Uri.EscapeDataString("\u202Efdp.exe")),
        ("tak terlihat", Uri.EscapeDataString("\u200B\u200C\u2060")),
        ("jalur", Uri.EscapeDataString("../../../../etc/passwd")),
        ("emoji", Uri.EscapeDataString("😀👍🏽")),
        ("header", Uri.EscapeDataString("nama@contoh.sch.id\r\nBcc: x@contoh.id")),
        ("negatif", "-1"),
        ("terlalu besar", "99999999999999999999999"),
        ("alamat luar", Uri.EscapeDataString("//contoh-jahat.example/")),
    ];

    /// <summary>Query names the pages read (and a few they might), each given every malformed value.</summary>
    public static readonly string[] QueryNames = ["ReturnUrl", "email", "token", "id", "dibuat", "lembaga", "unduh", "halaman", "cari"];

    /// <summary>
    /// Gives MIN 1 Sleman, MTs Negeri 3 Sleman and a new MIN 2 Bantul (another district, with its own admin) a change
    /// request, a receipt and an upload each, written through the app's own services into the running app's database.
    /// </summary>
    public static async Task<(SweepHolding Min1, SweepHolding Mts, SweepHolding Bantul)> SeedAsync(TestApp app)
    {
        var services = new ServiceCollection();
        AppServices.Register(services, app.DatabasePath, app.DataFolder, (s, configuration) =>
        {
            s.AddEmail(configuration);
            s.AddPdf(configuration);
            s.AddUploads(configuration);
            s.AddInstitutions();
        }, new Dictionary<string, string?> { ["App:PublicBaseUrl"] = app.BaseUrl });
        await using var provider = services.BuildServiceProvider();

        int bantulId;
        await using (var db = app.CreateDbContext())
        {
            var bantul = new District { Code = "34.02", Name = "Kabupaten Bantul", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
            var min2 = new Institution
            {
                District = bantul, Type = InstitutionType.MI, Name = "MIN 2 Bantul", StatisticNumber = "111134020002", Npsn = "60713999",
                Address = "Jl. Parangtritis Km 9", HeadName = "Dr. H. Bantul Wibowo",
            };
            db.Add(min2);
            await db.SaveChangesAsync();
            bantulId = min2.Id;
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await using var db = app.CreateDbContext();
            var districtId = await db.Institutions.Where(i => i.Id == bantulId).Select(i => i.DistrictId).SingleAsync();
            var admin = new ApplicationUser
            {
                UserName = BantulAdminEmail, Email = BantulAdminEmail, EmailConfirmed = true, FullName = "Admin Kemenag Bantul",
                DistrictId = districtId, CreatedUtc = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(admin, DemoData.Password));
            Check(await users.AddToRoleAsync(admin, Roles.AdminKabKota));
        }

        return (await HoldingAsync(app, provider, "MIN 1 Sleman"), await HoldingAsync(app, provider, "MTs Negeri 3 Sleman"),
            await HoldingAsync(app, provider, "MIN 2 Bantul"));
    }

    private static async Task<SweepHolding> HoldingAsync(TestApp app, IServiceProvider provider, string name)
    {
        await using var db = app.CreateDbContext();
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Name == name);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "admin@madrasah.demo.id");
        var systemAdmin = new UserScope(admin.Id, admin.Email!, admin.FullName, Roles.Admin, null, null);
        var tag = institution.StatisticNumber[^4..];

        var requestMarker = $"Jl. Penanda Rahasia {tag}";
        var request = new ChangeRequest
        {
            InstitutionId = institution.Id, Status = ChangeRequestStatus.WaitingForHead, CreatedByUserId = admin.Id, CreatedByName = "Operator Uji",
            CreatedUtc = DateTime.UtcNow, SubmittedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, Revision = 1,
            Fields = [new() { FieldKey = "Address", Label = "Alamat", OldValue = institution.Address, NewValue = requestMarker }],
        };
        db.Add(request);
        await db.SaveChangesAsync();

        await using var scope = provider.CreateAsyncScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<InstitutionProfileReceiptService>().IssueAsync(systemAdmin, institution.Id)
            ?? throw new InvalidOperationException($"No receipt for {name}.");

        var uploadMarker = $"berkas-rahasia-{tag}-{Guid.NewGuid():N}";
        var owner = new UserScope(admin.Id, admin.Email!, "Operator Uji", Roles.Operator, institution.Id, institution.DistrictId);
        var upload = await scope.ServiceProvider.GetRequiredService<UploadStore>().SaveAsync(db, owner,
            new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {uploadMarker}\n%%EOF\n")), "Surat Tugas.pdf", UploadRule.Pdf("Surat Tugas", 300 * 1024));
        await db.SaveChangesAsync();

        return new SweepHolding(name, institution.Id, institution.DistrictId, institution.StatisticNumber,
            request.Id, requestMarker, receipt.Number, upload.Id, uploadMarker);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
