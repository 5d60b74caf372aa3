using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenRegistration;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using static Madrasah.Blazor.Tests.Features.PontrenRegistration.RegistrationTestKit;

namespace Madrasah.Blazor.Tests.Features.PontrenRegistration;

public class RegistrationServiceTests
{
    [Fact]
    public async Task Registering_stores_both_documents_queues_it_and_emails_the_status_link()
    {
        await using var kit = await CreateAsync();
        var result = await kit.RegisterAsync(kit.ValidForm());
        Assert.Equal("PP-2026-000001", result.Number);

        var view = await kit.Registrations.OpenAsync(TokenOf(result));
        Assert.NotNull(view);
        Assert.Equal(RegistrationStatus.Menunggu, view.Status);
        Assert.Equal(1, view.Position);
        Assert.Equal("Kabupaten Sleman", view.DistrictName);

        await using var db = kit.Database.CreateContext();
        var stored = await db.Set<Madrasah.Blazor.Features.PontrenRegistration.PontrenRegistration>().SingleAsync();
        var uploads = await db.Set<StoredUpload>().Where(u => u.Id == stored.SkUploadId || u.Id == stored.AssignmentUploadId).ToListAsync();
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, u => Assert.Equal(kit.SlemanId, u.DistrictId));
        Assert.NotEqual(TokenOf(result), stored.AccessTokenHash);

        var mail = Assert.Single(await kit.OutboxAsync());
        Assert.Equal("operator.nurulhuda@gmail.com", mail.To);
        Assert.Contains(result.StatusPath!, mail.HtmlBody);
        var token = TokenOf(result);
        Assert.Null(await kit.Registrations.OpenAsync((token[0] == 'A' ? 'B' : 'A') + token[1..]));
        Assert.Null(await kit.Registrations.OpenAsync(result.Number));
    }

    [Fact]
    public async Task Every_field_is_checked_with_a_message_that_names_it()
    {
        await using var kit = await CreateAsync();
        var form = new RegistrationForm(InstitutionType.MI, " ", "12345", "12", "", "", "", "99", null, new DateOnly(2027, 1, 1), "", null, "", "3404071505900000", "bukan-email");
        var result = await kit.Registrations.RegisterAsync(form, null, new DocumentInput("surat.pdf", "GIF89a"u8.ToArray()), null);
        var errors = result.Form.Errors;
        Assert.Contains("Kategori Lembaga", errors[nameof(RegistrationForm.Category)]);
        Assert.Contains("Nama Lembaga", errors[nameof(RegistrationForm.InstitutionName)]);
        Assert.Contains("12 digit", errors[nameof(RegistrationForm.StatisticNumber)]);
        Assert.Contains("NPSN", errors[nameof(RegistrationForm.Npsn)]);
        Assert.Contains("Alamat", errors[nameof(RegistrationForm.Address)]);
        Assert.Contains("Desa/Kelurahan", errors[nameof(RegistrationForm.Village)]);
        Assert.Contains("Kecamatan", errors[nameof(RegistrationForm.Subdistrict)]);
        Assert.Contains("Provinsi", errors[nameof(RegistrationForm.ProvinceCode)]);
        Assert.Contains("Tanggal Berdiri tidak boleh setelah hari ini", errors[nameof(RegistrationForm.FoundedOn)]);
        Assert.Contains("Nomor SK/Piagam", errors[nameof(RegistrationForm.SkNumber)]);
        Assert.Contains("Tanggal SK/Piagam", errors[nameof(RegistrationForm.SkDate)]);
        Assert.Contains("Nama Operator", errors[nameof(RegistrationForm.OperatorName)]);
        Assert.Contains("NIK Operator", errors[nameof(RegistrationForm.OperatorNik)]);
        Assert.Contains("Email Operator", errors[nameof(RegistrationForm.OperatorEmail)]);
        Assert.Contains("SK/Piagam wajib diunggah", errors[RegistrationFields.SkDocument]);
        Assert.Contains("\"surat.pdf\": isi berkas bukan PDF", errors[RegistrationFields.AssignmentLetter]);
        Assert.Empty(await kit.OutboxAsync());

        // A Pondok Pesantren's number is its NSPP; the SK cannot predate the founding.
        var pesantren = kit.ValidForm() with { Category = InstitutionType.PondokPesantren, StatisticNumber = "51003404", SkDate = new DateOnly(2008, 1, 1) };
        var second = await kit.Registrations.ValidateAsync(pesantren, Pdf(), Pdf());
        Assert.Equal("NSPP harus terdiri atas 12 digit angka.", second.Errors[nameof(RegistrationForm.StatisticNumber)]);
        Assert.Equal("Tanggal SK/Piagam tidak boleh sebelum Tanggal Berdiri.", second.Errors[nameof(RegistrationForm.SkDate)]);
    }

    [Fact]
    public async Task The_same_statistic_number_or_a_very_similar_name_at_the_same_address_is_reported_before_submission()
    {
        await using var kit = await CreateAsync();
        // Registered: the demo's Pondok Pesantren Al-Hikmah Sleman (NSPP 510034040123, Jl. Palagan Km 9, Sariharjo).
        var sameNumber = await kit.Registrations.DuplicatesAsync(kit.ValidForm(statistic: "510034040123"));
        Assert.Contains("sudah terdaftar atas nama Pondok Pesantren Al-Hikmah Sleman", sameNumber[nameof(RegistrationForm.StatisticNumber)]);

        var similar = await kit.Registrations.DuplicatesAsync(kit.ValidForm(name: "PonPes Al Hikmah Sleman", address: "Dusun Karangmojo, Jalan Palagan Km 9", village: "Sariharjo"));
        Assert.Contains("Al-Hikmah Sleman", similar[nameof(RegistrationForm.InstitutionName)]);
        // The same name elsewhere is another institution.
        Assert.Empty(await kit.Registrations.DuplicatesAsync(kit.ValidForm(name: "PonPes Al Hikmah Sleman", village: "Sardonoharjo")));

        // Waiting: a second registration of the same MDT (number, or name at its address) is refused.
        await kit.RegisterAsync(kit.ValidForm());
        var again = await kit.Registrations.ValidateAsync(kit.ValidForm(email: "lain@gmail.com"), Pdf(), Pdf());
        Assert.Contains("sedang menunggu persetujuan", again.Errors[nameof(RegistrationForm.StatisticNumber)]);
        var renamed = await kit.Registrations.ValidateAsync(kit.ValidForm(name: "Madrasah Diniyah Takmiliyah Nurul Huda", statistic: "311234040078", email: "lain@gmail.com"), Pdf(), Pdf());
        Assert.Contains("sedang menunggu persetujuan", renamed.Errors[nameof(RegistrationForm.InstitutionName)]);
        var usedEmail = await kit.Registrations.DuplicatesAsync(kit.ValidForm(name: "LPQ Baru", statistic: "311234040079", email: "operator@min1sleman.sch.id"));
        Assert.Contains("sudah dipakai akun lain", usedEmail[nameof(RegistrationForm.OperatorEmail)]);
    }

    [Fact]
    public async Task The_applicant_sees_the_position_move_up_as_the_district_decides()
    {
        await using var kit = await CreateAsync();
        var first = await kit.RegisterAsync(kit.ValidForm());
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await kit.RegisterAsync(kit.ValidForm(name: "LPQ Al-Falah", statistic: "311234040088", email: "alfalah@gmail.com", address: "Jl. Turi 4", village: "Donokerto"));
        var view = await kit.Registrations.OpenAsync(TokenOf(second));
        Assert.Equal((2, 2), (view!.Position!.Value, view.WaitingCount));

        var queue = await kit.Queue.ListAsync(kit.DistrictAdmin);
        Assert.Equal([first.Number, second.Number], queue.Items.Select(i => i.Number)); // arrival order
        var rejected = await kit.Queue.RejectAsync(kit.DistrictAdmin, queue.Items[0].Id, queue.Items[0].Version, " ");
        Assert.Equal("Alasan Penolakan wajib diisi.", rejected.Errors["Reason"]);
        Assert.True((await kit.Queue.RejectAsync(kit.DistrictAdmin, queue.Items[0].Id, queue.Items[0].Version, "Piagam tidak terbaca.")).Succeeded);

        view = await kit.Registrations.OpenAsync(TokenOf(second));
        Assert.Equal((1, 1), (view!.Position!.Value, view.WaitingCount));
        var firstView = await kit.Registrations.OpenAsync(TokenOf(first));
        Assert.Equal(RegistrationStatus.Ditolak, firstView!.Status);
        Assert.Equal("Piagam tidak terbaca.", firstView.RejectionReason);
        Assert.Contains(await kit.OutboxAsync(), m => m.To == "operator.nurulhuda@gmail.com" && m.Subject.Contains("ditolak") && m.TextBody.Contains("Piagam tidak terbaca."));
    }

    [Fact]
    public async Task Approving_creates_the_institution_and_the_operator_account_with_a_set_password_email()
    {
        await using var kit = await CreateAsync();
        var result = await kit.RegisterAsync(kit.ValidForm());
        var item = (await kit.Queue.ListAsync(kit.DistrictAdmin)).Items.Single();
        Assert.Null(await kit.Queue.ApproveAsync(kit.DistrictAdmin, item.Id, item.Version));
        // A second decision on the same version loses.
        Assert.Equal(RegistrationQueueService.AlreadyDecided, await kit.Queue.ApproveAsync(kit.DistrictAdmin, item.Id, item.Version));

        await using var db = kit.Database.CreateContext();
        var institution = await db.Institutions.SingleAsync(i => i.StatisticNumber == "311234040077");
        Assert.Equal((InstitutionType.MDT, "MDT Nurul Huda", kit.SlemanId, "Sardonoharjo"), (institution.Type, institution.Name, institution.DistrictId, institution.Village));
        var user = await db.Users.SingleAsync(u => u.Email == "operator.nurulhuda@gmail.com");
        Assert.Equal((institution.Id, "Ahmad Fauzi", "3404071505900003"), (user.InstitutionId, user.FullName, user.Nik));
        Assert.Null(user.PasswordHash);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([Madrasah.Blazor.Infrastructure.Identity.Roles.Operator], roles);

        var mails = await kit.OutboxAsync();
        Assert.Contains(mails, m => m.To == user.Email && m.HtmlBody.Contains(PasswordLinks.Path));
        Assert.Contains(mails, m => m.To == user.Email && m.Subject.Contains("disetujui"));
        Assert.Equal(RegistrationStatus.Disetujui, (await kit.Registrations.OpenAsync(TokenOf(result)))!.Status);
        // Registered now: the same number is reported as registered.
        Assert.Contains("sudah terdaftar", (await kit.Registrations.DuplicatesAsync(kit.ValidForm(email: "x@gmail.com")))[nameof(RegistrationForm.StatisticNumber)]);
    }

    [Fact]
    public async Task A_district_admin_sees_and_decides_only_the_registrations_of_their_own_district()
    {
        await using var kit = await CreateAsync();
        int otherDistrict;
        await using (var db = kit.Database.CreateContext())
        {
            var bantul = new District { Code = "34.02", Name = "Kabupaten Bantul", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
            db.Districts.Add(bantul);
            await db.SaveChangesAsync();
            otherDistrict = bantul.Id;
        }
        await kit.RegisterAsync(kit.ValidForm() with { DistrictId = otherDistrict });
        Assert.Equal(0, (await kit.Queue.ListAsync(kit.DistrictAdmin)).TotalCount);
        Assert.Equal(0, await kit.Queue.CountWaitingAsync(kit.DistrictAdmin));
        await using var check = kit.Database.CreateContext();
        var registration = await check.Set<Madrasah.Blazor.Features.PontrenRegistration.PontrenRegistration>().SingleAsync();
        Assert.Equal(RegistrationQueueService.NotFound, await kit.Queue.ApproveAsync(kit.DistrictAdmin, registration.Id, registration.Version));
        Assert.False(await kit.Queue.MayReadDocumentAsync(kit.DistrictAdmin, registration.SkUploadId));
    }
}
