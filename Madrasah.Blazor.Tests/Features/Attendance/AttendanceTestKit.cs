using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>
/// The demo data on a real SQLite file with the attendance services built by the app's own registrations
/// (<c>AddMadrasahTime</c>, <c>AddUploads</c>, <c>AddEmail</c>, <c>AddPdf</c>, <c>AddAttendance</c>) and a manual clock:
/// Friday 27 March 2026, 10.00 WIB, after the Idul Fitri holidays (18–24 March) of the national calendar.
/// </summary>
internal sealed class AttendanceTestKit : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 27, 3, 0, 0, TimeSpan.Zero);

    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    private AttendanceTestKit()
    {
        _app = new((services, configuration) =>
        {
            services.AddMadrasahTime();
            services.AddUploads(configuration);
            services.AddEmail(configuration);
            services.AddPdf(configuration);
            services.AddAttendance();
            services.AddPublicLinks(configuration);
            services.AddUserAccounts(configuration); // the activation links of staff accounts
            services.AddSingleton<TimeProvider>(Clock);
        }, migrate: false);
        _scope = _app.Provider.CreateAsyncScope();
    }

    public ManualClock Clock { get; } = new(Start);
    public TestDatabase Database => _app.Database;
    public AttendanceService Attendance => _scope.ServiceProvider.GetRequiredService<AttendanceService>();
    public ComplaintService Complaints => _scope.ServiceProvider.GetRequiredService<ComplaintService>();
    public ReceiptService Receipts => _scope.ServiceProvider.GetRequiredService<ReceiptService>();
    public UploadStore Uploads => _scope.ServiceProvider.GetRequiredService<UploadStore>();
    public MachineImportService MachineImport => _scope.ServiceProvider.GetRequiredService<MachineImportService>();
    public StaffAccountService StaffAccounts => _scope.ServiceProvider.GetRequiredService<StaffAccountService>();

    /// <summary>Nur Hidayah, Pegawai of MIN 1 Sleman.</summary>
    public UserScope Staff { get; private set; } = UserScope.Anonymous;
    /// <summary>Yuliana Sari, PetugasKepegawaian of MIN 1 Sleman.</summary>
    public UserScope Officer { get; private set; } = UserScope.Anonymous;
    /// <summary>A personnel officer of MTs Negeri 3 Sleman: same district, another institution.</summary>
    public UserScope OtherOfficer { get; private set; } = UserScope.Anonymous;
    public int StaffId { get; private set; }

    public static async Task<AttendanceTestKit> CreateAsync()
    {
        var kit = new AttendanceTestKit();
        await DemoSeed.CopyIntoAsync(kit.Database);
        kit.Staff = await DemoSeed.ScopeOfAsync(kit.Database, "nur.hidayah@guru.demo.id");
        kit.Officer = await DemoSeed.ScopeOfAsync(kit.Database, "kepegawaian@min1sleman.sch.id");
        await using var db = kit.Database.CreateContext();
        var mts = await db.Institutions.SingleAsync(i => i.Name == "MTs Negeri 3 Sleman");
        kit.OtherOfficer = new UserScope("other-officer", "kepegawaian@mtsn3sleman.sch.id", "Petugas MTs", Roles.PetugasKepegawaian, mts.Id, mts.DistrictId);
        kit.StaffId = await db.Staff.Where(s => s.UserId == kit.Staff.UserId).Select(s => s.Id).SingleAsync();
        return kit;
    }

    /// <summary>A colleague of MIN 1 Sleman (by NIP) given an account of their own, as a Pegawai scope.</summary>
    public async Task<UserScope> ColleagueAsync(string nip)
    {
        await using var db = Database.CreateContext();
        var staff = await db.Staff.SingleAsync(s => s.Nip == nip);
        staff.UserId = $"user-{nip}";
        await db.SaveChangesAsync();
        return new UserScope(staff.UserId, nip, staff.FullName, Roles.Pegawai, staff.InstitutionId, Staff.DistrictId);
    }

    /// <summary>A small valid PDF padded to <paramref name="size"/> bytes.</summary>
    public static byte[] Pdf(int size = 2048)
    {
        var head = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        var bytes = new byte[Math.Max(size, head.Length + tail.Length)];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    public static ComplaintInput TugasLuar(DateOnly date, AttendanceSession session, byte[]? pdf = null) =>
        new(ComplaintCategory.Pengaduan, ComplaintType.TugasLuar, date, null, session, "Rapat KKG di Kantor Kemenag Sleman.", pdf ?? Pdf(), "surat-tugas.pdf");

    public async Task<AttendanceResult> SubmitAsync(ComplaintInput input, UserScope? by = null)
    {
        var result = await Complaints.SubmitAsync(by ?? Staff, input);
        return result;
    }

    public async Task<List<AttendanceRecord>> RecordsAsync(int? staffId = null)
    {
        await using var db = Database.CreateContext();
        return await db.Set<AttendanceRecord>().AsNoTracking().Where(r => r.StaffId == (staffId ?? StaffId)).OrderBy(r => r.Date).ThenBy(r => r.Session).ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task AddRecordAsync(DateOnly date, AttendanceSession session, TimeOnly time, int? staffId = null)
    {
        await using var db = Database.CreateContext();
        var id = staffId ?? StaffId;
        var institutionId = await db.Staff.Where(s => s.Id == id).Select(s => s.InstitutionId).SingleAsync();
        db.Add(new AttendanceRecord
        {
            InstitutionId = institutionId, StaffId = id, Date = date, Session = session, Kind = AttendanceKind.Hadir,
            Source = AttendanceSource.Mesin, RecordedUtc = Wib.ToUtc(date.ToDateTime(time)),
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
