using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Features.Helpdesk;

/// <summary>
/// Demo tickets for the agents' queue (Development demo data only): a new one, one in progress with a note, one
/// waiting for the requester, one overdue and one closed. Their secure links are issued when an agent first writes.
/// </summary>
public static class HelpdeskDemoData
{
    public static async Task SeedAsync(MadrasahDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Set<HelpdeskTicket>().AnyAsync(cancellationToken)) return;
        var categories = await db.Set<HelpdeskTopic>().Where(t => t.ParentId != null).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        if (categories.Count == 0) return;
        var hours = new WorkingHours(new HashSet<DateOnly>(await db.Set<Holiday>().Select(h => h.Date).ToListAsync(cancellationToken)));
        var now = clock.GetUtcNow().UtcDateTime;
        var year = Wib.FromUtc(now).Year;
        var n = 0;

        HelpdeskTicket Ticket(string email, string subject, TicketUserType type, int category, string organization, string? npsn, string province, string provinceName,
            string regency, string regencyName, string details, TimeSpan age)
        {
            var submitted = now - age;
            var topic = categories[Math.Min(category, categories.Count - 1)];
            return new HelpdeskTicket
            {
                Number = $"HD-{year}-{++n:D6}", Email = email, Subject = subject, UserType = type, ReportTypeId = topic.ParentId!.Value, CategoryId = topic.Id,
                OrganizationName = organization, Jenjang = npsn is null ? null : "SD/MI", Npsn = npsn, ProvinceCode = province, ProvinceName = provinceName,
                RegencyCode = regency, RegencyName = regencyName, Details = details, Status = TicketStatus.Baru, SubmittedUtc = submitted, UpdatedUtc = submitted,
                DueUtc = ServiceLevel.Due(hours, submitted, 3), AccessTokenHash = HelpdeskLinks.HashToken(HelpdeskLinks.NewToken()),
            };
        }

        var fresh = Ticket("siti.aminah.min1@gmail.com", "Akun operator terkunci", TicketUserType.OperatorSekolah, 0, "MIN 1 Sleman", "60713201", "34", "Daerah Istimewa Yogyakarta",
            "34.04", "Kabupaten Sleman", "Setelah salah memasukkan password tiga kali, akun operator terkunci.", TimeSpan.FromHours(2));
        var working = Ticket("bambang.w@yahoo.co.id", "Data guru tidak muncul di daftar pegawai", TicketUserType.OperatorSekolah, 7, "MTs Negeri 3 Sleman", "20403212", "34",
            "Daerah Istimewa Yogyakarta", "34.04", "Kabupaten Sleman", "Dua guru baru tidak muncul di daftar pegawai padahal sudah diinput.", TimeSpan.FromDays(1));
        working.Status = TicketStatus.Diproses;
        working.Messages.Add(new HelpdeskMessage { Kind = MessageKind.InternalNote, Body = "Cek sinkronisasi data PTK terakhir.", AuthorName = "Tim Helpdesk", CreatedUtc = now.AddHours(-20) });
        var waiting = Ticket("ahmad.zaini@gmail.com", "Permintaan akun operator baru", TicketUserType.KepalaSekolah, 14, "Pondok Pesantren Al-Hikmah Sleman", "70012345", "34",
            "Daerah Istimewa Yogyakarta", "34.04", "Kabupaten Sleman", "Operator lama pindah tugas; mohon akun untuk operator baru.", TimeSpan.FromHours(30));
        waiting.Messages.Add(new HelpdeskMessage { Kind = MessageKind.InfoRequest, Body = "Mohon lampirkan SK penunjukan operator baru yang ditandatangani Kepala.", AuthorName = "Tim Helpdesk", CreatedUtc = now.AddHours(-6) });
        HelpdeskTransitions.AskForInformation(waiting, hours, now.AddHours(-6), new HelpdeskOptions());
        var late = Ticket("dinas.pendidikan.bantul@gmail.com", "NPSN madrasah tidak ditemukan", TicketUserType.DinasPemda, 4, "Dinas Pendidikan Kabupaten Bantul", null, "34",
            "Daerah Istimewa Yogyakarta", "34.02", "Kabupaten Bantul", "Pencarian NPSN beberapa madrasah di Bantul tidak menemukan hasil.", TimeSpan.FromDays(8));
        var closed = Ticket("warga.jakarta@gmail.com", "Cara mengunduh bukti profil lembaga", TicketUserType.Masyarakat, 10, "Masyarakat", null, "31", "DKI Jakarta",
            "31.71", "Kota Administrasi Jakarta Pusat", "Bagaimana cara mengunduh bukti profil lembaga?", TimeSpan.FromDays(3));
        closed.Messages.Add(new HelpdeskMessage { Kind = MessageKind.Reply, Body = "Bukti profil diunduh oleh operator lembaga dari menu Data Lembaga.", AuthorName = "Tim Helpdesk", CreatedUtc = now.AddDays(-2) });
        HelpdeskTransitions.Close(closed, now.AddDays(-2), automatically: false);
        db.AddRange(fresh, working, waiting, late, closed);
        await db.SaveChangesAsync(cancellationToken);
    }
}
