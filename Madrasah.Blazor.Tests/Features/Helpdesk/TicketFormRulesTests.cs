using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Uploads;
using static Madrasah.Blazor.Tests.Features.Helpdesk.HelpdeskTestKit;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>The guide's rules of "Hubungi Kami", each refusal naming its field.</summary>
public class TicketFormRulesTests
{
    [Theory]
    [InlineData("budi@belajar.id")]
    [InlineData("Budi@BELAJAR.ID")]
    [InlineData("budi@guru.sd.belajar.id")]
    [InlineData("budi@Admin.SMP.Belajar.Id")]
    public async Task A_belajar_id_address_is_refused_as_the_personal_email(string email)
    {
        await using var kit = await CreateAsync();
        var result = await kit.Requester.SubmitAsync(await kit.ValidFormAsync() with { Email = email }, [], "203.0.113.1");
        Assert.False(result.Succeeded);
        var message = result.Form.Errors[nameof(TicketForm.Email)];
        Assert.Contains("Alamat Email Aktif harus email pribadi", message);
        Assert.Contains("bukan akun belajar.id", message);
    }

    [Theory]
    [InlineData("budi@notbelajar.id")]
    [InlineData("budi@belajar.id.example.com")]
    public void Addresses_that_only_look_alike_are_personal(string email) => Assert.Null(HelpdeskRules.CheckPersonalEmail(email));

    [Theory]
    [InlineData(TicketUserType.OperatorSekolah, "siti@ADMIN.SD.belajar.id")]
    [InlineData(TicketUserType.Pendidik, "guru@guru.smp.belajar.id")]
    [InlineData(TicketUserType.KepalaSekolah, "kepala@admin.sma.belajar.id")]
    [InlineData(TicketUserType.Pendidik, "tutor@pendidik.kesetaraan.belajar.id")]
    [InlineData(TicketUserType.DinasPemda, "dinas@Dinas.Belajar.Id")]
    [InlineData(TicketUserType.DinasPemda, "staf@dikbud.belajar.id")]
    public void Allowed_belajar_id_account_domains_per_user_type(TicketUserType type, string account) =>
        Assert.Null(HelpdeskRules.CheckBelajarIdAccount(account, type));

    [Theory]
    [InlineData(TicketUserType.OperatorSekolah, "siti@dinas.belajar.id", "@admin.<jenjang>.belajar.id")]
    [InlineData(TicketUserType.OperatorSekolah, "siti@admin.universitas.belajar.id", "@guru.<jenjang>.belajar.id")]
    [InlineData(TicketUserType.OperatorSekolah, "siti@gmail.com", "@pendidik.kesetaraan.belajar.id")]
    [InlineData(TicketUserType.DinasPemda, "dinas@guru.sd.belajar.id", "@dinas.belajar.id atau @dikbud.belajar.id")]
    [InlineData(TicketUserType.KantorKemenag, "kemenag@dinas.belajar.id", "tidak memiliki akun belajar.id")]
    public async Task A_belajar_id_account_not_allowed_for_the_user_type_is_refused_naming_the_domains(TicketUserType type, string account, string expected)
    {
        await using var kit = await CreateAsync();
        var form = await kit.ValidFormAsync() with { UserType = type, BelajarIdAccount = account };
        var result = await kit.Requester.SubmitAsync(form, [], "203.0.113.1");
        var message = result.Form.Errors[nameof(TicketForm.BelajarIdAccount)];
        Assert.StartsWith(type == TicketUserType.KantorKemenag ? "Tipe Pengguna" : "Email Akun belajar.id", message);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("6071320")]
    [InlineData("607132011")]
    [InlineData("6071320A")]
    [InlineData("60 71 32")]
    public async Task An_NPSN_of_other_than_8_digits_is_refused(string npsn)
    {
        await using var kit = await CreateAsync();
        var result = await kit.Requester.SubmitAsync(await kit.ValidFormAsync() with { Npsn = npsn }, [], "203.0.113.1");
        Assert.Equal("NPSN harus terdiri atas 8 digit angka.", result.Form.Errors[nameof(TicketForm.Npsn)]);
    }

    [Fact]
    public async Task Jenjang_and_NPSN_are_asked_of_school_user_types_only()
    {
        await using var kit = await CreateAsync();
        var school = await kit.Requester.ValidateAsync(await kit.ValidFormAsync() with { Jenjang = null, Npsn = null }, []);
        Assert.Equal("Jenjang wajib dipilih untuk Tipe Pengguna satuan pendidikan.", school.Errors[nameof(TicketForm.Jenjang)]);
        Assert.Equal("NPSN wajib diisi.", school.Errors[nameof(TicketForm.Npsn)]);
        var dinas = await kit.Requester.SubmitAsync(await kit.ValidFormAsync() with
        {
            UserType = TicketUserType.DinasPemda, BelajarIdAccount = "staf@dinas.belajar.id", Jenjang = null, Npsn = null,
        }, [], "203.0.113.1");
        Assert.True(dinas.Succeeded, string.Join("; ", dinas.Form.Errors.Values));
        var ticket = await kit.TicketAsync(dinas.Number!);
        Assert.Null(ticket.Npsn);
    }

    [Fact]
    public async Task Empty_required_fields_each_get_their_own_message()
    {
        await using var kit = await CreateAsync();
        var result = await kit.Requester.SubmitAsync(new TicketForm(null, " ", null, null, null, null, "", null, null, null, null, null), [], "203.0.113.1");
        Assert.Equal("Alamat Email Aktif wajib diisi.", result.Form.Errors[nameof(TicketForm.Email)]);
        Assert.Equal("Perihal wajib diisi.", result.Form.Errors[nameof(TicketForm.Subject)]);
        Assert.Equal("Tipe Pengguna wajib dipilih.", result.Form.Errors[nameof(TicketForm.UserType)]);
        Assert.Equal("Jenis Laporan – Tipe Laporan wajib dipilih dari daftar.", result.Form.Errors[nameof(TicketForm.ReportTypeId)]);
        Assert.Equal("Nama Sekolah/Dinas/Instansi wajib diisi.", result.Form.Errors[nameof(TicketForm.OrganizationName)]);
        Assert.Equal("Provinsi wajib dipilih dari daftar.", result.Form.Errors[nameof(TicketForm.ProvinceCode)]);
        Assert.Equal("Detail Permasalahan wajib diisi.", result.Form.Errors[nameof(TicketForm.Details)]);
        Assert.False(result.Form.Errors.ContainsKey(nameof(TicketForm.BelajarIdAccount))); // optional
    }

    [Fact]
    public async Task Dependent_lists_must_match_category_under_its_report_type_regency_in_its_province()
    {
        await using var kit = await CreateAsync();
        var topics = await kit.Topics.ActiveChoicesAsync();
        var form = await kit.ValidFormAsync() with { CategoryId = topics[1].Categories[0].Id, RegencyCode = "31.71" };
        var result = await kit.Requester.ValidateAsync(form, []);
        Assert.Contains("Kategori Masalah wajib dipilih", result.Errors[nameof(TicketForm.CategoryId)]);
        Assert.Equal("Kota/Kabupaten wajib dipilih dari daftar Provinsi Daerah Istimewa Yogyakarta.", result.Errors[nameof(TicketForm.RegencyCode)]);
    }

    [Fact]
    public async Task A_sixth_attachment_is_refused()
    {
        await using var kit = await CreateAsync();
        var files = Enumerable.Range(1, 6).Select(i => Pdf($"berkas-{i}.pdf")).ToList();
        var result = await kit.Requester.SubmitAsync(await kit.ValidFormAsync(), files, "203.0.113.1");
        Assert.Equal("Lampiran paling banyak 5 berkas.", result.Form.Errors[HelpdeskFields.Attachments]);
        Assert.True((await kit.Requester.SubmitAsync(await kit.ValidFormAsync(), files.Take(5).ToList(), "203.0.113.1")).Succeeded);
    }

    [Fact]
    public async Task A_forged_attachment_type_is_refused_by_its_content()
    {
        await using var kit = await CreateAsync();
        var forged = new AttachmentInput("surat.pdf", "MZ\x90\0 this is a program"u8.ToArray());
        var result = await kit.Requester.SubmitAsync(await kit.ValidFormAsync(), [Pdf(), forged], "203.0.113.1");
        Assert.Equal("Lampiran \"surat.pdf\": isi berkas bukan PDF, PNG atau JPEG. Unggah dokumen PDF atau gambar tangkapan layar (PNG/JPEG) yang asli.",
            result.Form.Errors[HelpdeskFields.Attachments]);
    }

    [Fact]
    public async Task An_attachment_over_the_size_limit_is_refused()
    {
        await using var kit = await CreateAsync();
        var big = new AttachmentInput("besar.pdf", [.. "%PDF-"u8, .. new byte[2 * 1024 * 1024]]);
        var result = await kit.Requester.ValidateAsync(await kit.ValidFormAsync(), [big]);
        Assert.Equal("Lampiran \"besar.pdf\": ukuran berkas melebihi batas 2 MB.", result.Errors[HelpdeskFields.Attachments]);
    }

    [Fact]
    public void The_checklist_follows_the_user_type()
    {
        Assert.Contains("Surat Penunjukan sebagai Admin/Operator", HelpdeskRules.Checklist(TicketUserType.OperatorSekolah));
        Assert.Contains("Bukti akun terdaftar di Dapodik/EMIS", HelpdeskRules.Checklist(TicketUserType.Pendidik));
        Assert.DoesNotContain("Surat Penunjukan sebagai Admin/Operator", HelpdeskRules.Checklist(TicketUserType.Masyarakat));
    }
}
