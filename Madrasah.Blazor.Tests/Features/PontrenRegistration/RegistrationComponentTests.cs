using System.Text;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.PontrenRegistration;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Infrastructure.Validation;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Uploads;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenRegistration;

/// <summary>The registration's components alone: the form's messages and duplicate warning, the document picker, the live status page.</summary>
public sealed class RegistrationComponentTests : ComponentTestContext
{
    public RegistrationComponentTests() : base((services, configuration) =>
    {
        services.AddMadrasahTime();
        services.AddEmail(configuration);
        services.AddUploads(configuration);
        services.AddUserAccounts(configuration);
        services.AddPontrenRegistration(configuration);
    })
    {
        this.AddBunitPersistentComponentState();
        // Registered already: a pesantren in Sleman (the district the form offers).
        Registered = Database.AddInstitutionAsync("Pondok Pesantren Al-Hikmah Sleman", "510034040123", InstitutionType.PondokPesantren).GetAwaiter().GetResult();
    }

    private Institution Registered { get; }

    [Fact]
    public void Sending_an_incomplete_form_shows_each_message_beside_its_field_and_keeps_what_was_typed()
    {
        RenderMudProviders();
        var page = Render<RegistrationPage>();
        page.Find("#registration-name").Type("MDT Nurul Huda");
        page.Find("#registration-operator-nik").Type("3404");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("NIK Operator harus terdiri atas 16 digit angka.", page.Find("#registration-operator-nik").Message()));
        Assert.Equal("Kategori Lembaga wajib dipilih: Pondok Pesantren, MDT atau LPQ.", page.MessageOf("registration-category"));
        Assert.Equal("Alamat wajib diisi.", page.Find("#registration-address").Message());
        Assert.Equal("SK/Piagam wajib diunggah (PDF, paling besar 2 MB).", page.Find("[data-testid=registration-sk-error]").TextContent);
        Assert.Equal("", page.Find("#registration-name").Message());
        Assert.Equal("MDT Nurul Huda", page.Find("#registration-name").GetAttribute("value"));
        Assert.Equal("3404", page.Find("#registration-operator-nik").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=registration-sent]"));
    }

    [Fact]
    public void A_registered_statistic_number_is_reported_when_the_field_is_left_and_the_report_goes_as_the_fix_is_typed()
    {
        RenderMudProviders();
        var page = Render<RegistrationPage>();
        var statistic = page.Find("#registration-statistic");
        statistic.Input("510034040123");
        Assert.Empty(page.FindAll("[data-testid=duplicate-warning]")); // no check per keystroke
        statistic.Blur();
        page.WaitForAssertion(() => Assert.Contains("sudah terdaftar atas nama Pondok Pesantren Al-Hikmah Sleman", page.Find("[data-testid=duplicate-warning]").TextContent));
        Assert.Contains("sudah terdaftar", page.Find("#registration-statistic").Message());

        // The fix's first keystroke takes the message and the warning above "Kirim Pendaftaran" away, before the pointer
        // reaches the button: gone at the press, they would move it from under the pointer.
        page.Find("#registration-statistic").Input("510034040124");
        Assert.Empty(page.FindAll("[data-testid=duplicate-warning]"));
        Assert.Equal("", page.Find("#registration-statistic").Message());
    }

    [Fact]
    public void A_refusal_goes_away_on_the_keystroke_that_fixes_it_and_comes_back_only_from_the_service()
    {
        RenderMudProviders();
        var page = Render<RegistrationPage>();
        page.Find("#registration-operator-nik").Type("3404");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Equal("NIK Operator harus terdiri atas 16 digit angka.", page.Find("#registration-operator-nik").Message()));

        page.Find("#registration-operator-nik").Input("34040");
        Assert.Equal("", page.Find("#registration-operator-nik").Message());
        page.Find("#registration-operator-nik").Blur();
        Assert.Equal("", page.Find("#registration-operator-nik").Message()); // the rule is the service's, at "Kirim Pendaftaran"
        Assert.Equal("34040", page.Find("#registration-operator-nik").GetAttribute("value"));
        Assert.Equal("Alamat wajib diisi.", page.Find("#registration-address").Message()); // other fields keep theirs
    }

    [Fact]
    public void The_document_picker_refuses_a_file_that_is_not_a_PDF_by_its_content_and_keeps_the_earlier_choice()
    {
        DocumentInput? chosen = null;
        var picker = Render<DocumentPicker>(p => p.Add(x => x.Rule, PontrenRegistrationService.SkRule).Add(x => x.InputId, "sk")
            .Add(x => x.DocumentChanged, (DocumentInput? d) => { chosen = d; }));
        picker.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.ASCII.GetBytes("%PDF-1.4 piagam"), "piagam.pdf", contentType: "application/pdf"));
        Assert.Equal("piagam.pdf", chosen?.FileName);

        picker.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.ASCII.GetBytes("PK\u0003\u0004 docx"), "piagam-palsu.pdf", contentType: "application/pdf"));
        picker.WaitForAssertion(() => Assert.Equal("SK/Piagam \"piagam-palsu.pdf\": isi berkas bukan PDF. Unggah hasil pindaian (scan) dokumen dalam format PDF yang asli.",
            picker.Find("[data-testid=sk-error]").TextContent));
        Assert.Equal("piagam.pdf", chosen?.FileName);
    }

    [Fact]
    public async Task The_document_picker_refuses_an_empty_or_too_large_file_by_its_size_without_reading_it_and_keeps_the_earlier_choice()
    {
        DocumentInput? chosen = null;
        var picker = Render<DocumentPicker>(p => p.Add(x => x.Rule, PontrenRegistrationService.AssignmentRule).Add(x => x.InputId, "letter")
            .Add(x => x.DocumentChanged, (DocumentInput? d) => { chosen = d; }));
        var input = picker.FindComponent<InputFile>();
        input.UploadFiles(InputFileContent.CreateFromBinary(Encoding.ASCII.GetBytes("%PDF-1.4 surat"), "surat-tugas.pdf", contentType: "application/pdf"));
        Assert.Equal("surat-tugas.pdf", chosen?.FileName);

        await HeldBrowserFile.ChooseAsync(input, new UnreadableFile("scan-besar.pdf", PontrenRegistrationService.AssignmentRule.MaxBytes + 1));
        Assert.Equal($"Surat Tugas Operator \"scan-besar.pdf\": ukuran berkas melebihi batas {PontrenRegistrationService.AssignmentRule.MaxSizeText}.",
            picker.Find("[data-testid=letter-error]").TextContent);

        await HeldBrowserFile.ChooseAsync(input, new UnreadableFile("kosong.pdf", 0));
        Assert.Equal("Surat Tugas Operator \"kosong.pdf\": berkas kosong.", picker.Find("[data-testid=letter-error]").TextContent);
        Assert.Equal("surat-tugas.pdf", chosen?.FileName);
    }

    /// <summary>A chosen file known by its name and size only: reading it fails the test.</summary>
    private sealed class UnreadableFile(string name, long size) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => size;
        public string ContentType => "application/pdf";
        public Stream OpenReadStream(long maxAllowedSize = 512_000, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A file refused by its size is never read.");
    }

    [Fact]
    public async Task While_a_chosen_document_is_read_the_picker_says_so_and_Kirim_Pendaftaran_waits_for_both()
    {
        RenderMudProviders();
        var page = Render<RegistrationPage>();
        var inputs = page.FindComponents<InputFile>();
        var sk = new HeldBrowserFile("sk-pendirian.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 sk"));
        var letter = new HeldBrowserFile("surat-tugas.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 surat"));
        var send = () => page.Find("[data-testid=registration-submit]");

        var skChosen = HeldBrowserFile.ChooseAsync(inputs[0], sk);
        var letterChosen = HeldBrowserFile.ChooseAsync(inputs[1], letter);
        page.WaitForAssertion(() => Assert.Equal("Membaca berkas…", page.Find("[data-testid=registration-letter-reading]").TextContent));
        Assert.Equal("Membaca berkas…", page.Find("[data-testid=registration-sk-reading]").TextContent);
        Assert.True(send().HasAttribute("disabled"));

        sk.Release();
        await skChosen;
        page.WaitForAssertion(() => Assert.Equal("sk-pendirian.pdf", page.Find("[data-testid=registration-sk-name]").TextContent));
        Assert.True(send().HasAttribute("disabled")); // the letter is still on its way

        letter.Release();
        await letterChosen;
        page.WaitForAssertion(() => Assert.Equal("surat-tugas.pdf", page.Find("[data-testid=registration-letter-name]").TextContent));
        Assert.False(send().HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[role=status]"));
    }

    [Fact]
    public void Tolak_without_a_reason_is_refused_beside_the_field_and_the_refusal_goes_as_the_reason_is_typed()
    {
        RenderMudProviders();
        var sent = new List<string?>();
        var item = new QueueItem(7, 1, "PP-2026-000007", RegistrationStatus.Menunggu, InstitutionType.MDT, "MDT Nurul Huda", "311234040001",
            null, "Jl. Kaliurang Km 9", "Sardonoharjo", "Ngaglik", "Kabupaten Sleman", new DateOnly(2009, 7, 1), "Kd.12.04/5/PP.00/123/2010",
            new DateOnly(2010, 3, 15), "Ahmad Fauzi", "3404071505900003", "operator@nurulhuda.sch.id", Guid.NewGuid(), "piagam.pdf",
            Guid.NewGuid(), "surat-tugas.pdf", DateTime.UtcNow, null, null, null);
        var review = Render<RegistrationReview>(p => p.Add(x => x.Item, item).Add(x => x.Open, true)
            .Add(x => x.OnReject, reason =>
            {
                sent.Add(reason);
                return Task.FromResult(string.IsNullOrWhiteSpace(reason) ? FormResult.Error("Reason", "Alasan Penolakan wajib diisi.") : FormResult.Success);
            }));

        review.Find("[data-testid=queue-reject]").Click();
        review.WaitForAssertion(() => Assert.Equal("Alasan Penolakan wajib diisi.", review.MessageOf("queue-reason")));

        review.Field("queue-reason").Input(" ");
        Assert.Equal("Alasan Penolakan wajib diisi.", review.MessageOf("queue-reason")); // spaces fix nothing
        review.Field("queue-reason").Input("SK/Piagam tidak terbaca");
        Assert.Equal("", review.MessageOf("queue-reason")); // gone on the keystroke, before the field is left
        review.Find("[data-testid=queue-reject]").Click();
        review.WaitForAssertion(() => Assert.Equal([null, "SK/Piagam tidak terbaca"], sent));
    }

    [Fact]
    public async Task The_status_page_shows_the_position_and_then_the_approval_live()
    {
        var registrations = Services.GetRequiredService<PontrenRegistrationService>();
        var form = new RegistrationForm(InstitutionType.LPQ, "LPQ Al-Falah", "311234040088", null, "Jl. Turi 4", "Donokerto", "Turi", "34", Registered.DistrictId,
            new DateOnly(2012, 1, 9), "123/PIAGAM/2012", new DateOnly(2012, 2, 1), "Siti Rahma", "3404075505920002", "lpq.alfalah@gmail.com");
        var pdf = new DocumentInput("dokumen.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 isi"));
        var sent = await registrations.RegisterAsync(form, pdf, pdf, "127.0.0.1");
        Assert.True(sent.Succeeded, string.Join("; ", sent.Form.Errors.Values));

        RenderMudProviders();
        var page = Render<RegistrationStatusPage>(p => p.Add(x => x.Token, sent.StatusPath![PontrenRegistrationService.StatusPathPrefix.Length..]));
        page.WaitForAssertion(() => Assert.Contains("Posisi antrean Anda: 1 dari 1", page.Find("[data-testid=queue-position]").TextContent));

        await using (var scope = Services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<IdentityBootstrap>().EnsureRolesAsync();
        var admin = new UserScope("admin-kab", "admin@kemenagsleman.go.id", "Hendra Kurniawan", Roles.AdminKabKota, null, Registered.DistrictId);
        var queue = Services.GetRequiredService<RegistrationQueueService>();
        var item = (await queue.ListAsync(admin)).Items.Single();
        Assert.Null(await queue.ApproveAsync(admin, item.Id, item.Version));

        page.WaitForAssertion(() => Assert.Contains("lpq.alfalah@gmail.com", page.Find("[data-testid=status-approved]").TextContent));
        Assert.Equal("Disetujui", page.Find("[data-testid=status-chip]").TextContent);
    }
}
