using System.Text;
using Bunit;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Helpdesk;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Infrastructure.Uploads;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Uploads;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Helpdesk;

/// <summary>The helpdesk's components alone: the file picker's refusals and reading state, and the agent's actions.</summary>
public sealed class HelpdeskComponentTests : ComponentTestContext
{
    private static readonly UserScope Agent = new("agent-1", "helpdesk@madrasah.demo.id", "Tim Helpdesk", Roles.Helpdesk, null, null);

    public HelpdeskComponentTests() : base((services, configuration) =>
    {
        services.AddMadrasahTime();
        services.AddEmail(configuration);
        services.AddUploads(configuration);
        services.AddHelpdesk(configuration);
    }) => SignInAs(Agent);

    private static InputFileContent File(string name, byte[] content, string type = "application/pdf") => InputFileContent.CreateFromBinary(content, name, contentType: type);
    private static byte[] PdfBytes => Encoding.ASCII.GetBytes("%PDF-1.4 isi");

    [Fact]
    public void The_picker_takes_five_files_refuses_the_sixth_by_name_and_a_forged_one_by_its_content()
    {
        var files = new List<AttachmentInput>();
        string? error = null;
        var picker = Render<AttachmentPicker>(p => p.Add(x => x.Files, files).Add(x => x.MaxFiles, 5)
            .Add(x => x.OnError, (string? e) => { error = e; }));

        picker.FindComponent<InputFile>().UploadFiles(File("bukti.pdf", Encoding.ASCII.GetBytes("MZ program")));
        Assert.Equal("Lampiran \"bukti.pdf\": isi berkas bukan PDF, PNG atau JPEG. Unggah dokumen PDF atau gambar tangkapan layar (PNG/JPEG) yang asli.", error);
        Assert.Empty(files);

        picker.FindComponent<InputFile>().UploadFiles(Enumerable.Range(1, 6).Select(i => File($"berkas-{i}.pdf", PdfBytes)).ToArray());
        Assert.Equal(5, files.Count);
        Assert.Equal("Lampiran paling banyak 5 berkas: \"berkas-6.pdf\" tidak ditambahkan.", error);
        picker.Render();
        Assert.Equal("5 dari 5 berkas", picker.Find("[data-testid=attachments-count]").TextContent);
        Assert.Equal(5, picker.FindAll("[data-testid=attachment]").Count);
    }

    [Fact]
    public async Task While_a_chosen_file_is_read_the_picker_says_so_and_holds_the_form_until_it_is_listed()
    {
        var files = new List<AttachmentInput>();
        var reading = new List<bool>();
        var picker = Render<AttachmentPicker>(p => p.Add(x => x.Files, files).Add(x => x.MaxFiles, 5)
            .Add(x => x.ReadingChanged, (bool r) => reading.Add(r)));
        var file = new HeldBrowserFile("tangkapan-layar.pdf", PdfBytes);

        var chosen = HeldBrowserFile.ChooseAsync(picker.FindComponent<InputFile>(), file);
        picker.WaitForAssertion(() => Assert.Equal("Membaca berkas…", picker.Find("[data-testid=attachments-reading]").TextContent));
        Assert.Equal([true], reading); // the form holds "Kirim" from here
        Assert.Empty(picker.FindAll("[data-testid=attachment]"));

        file.Release();
        await chosen;
        Assert.Equal([true, false], reading);
        Assert.Empty(picker.FindAll("[data-testid=attachments-reading]"));
        Assert.Equal("tangkapan-layar.pdf", Assert.Single(picker.FindAll("[data-testid=attachment] .attachment-name")).TextContent);
    }

    [Fact]
    public async Task An_empty_reply_is_refused_beside_its_field_and_a_canned_reply_fills_the_text()
    {
        await using (var db = Database.CreateContext()) await RegionData.SeedAsync(db);
        var requester = Services.GetRequiredService<HelpdeskRequesterService>();
        var topics = await Services.GetRequiredService<HelpdeskTopicService>().ActiveChoicesAsync();
        var sent = await requester.SubmitAsync(new TicketForm("warga@gmail.com", "Pertanyaan", TicketUserType.Masyarakat, topics[0].Id, topics[0].Categories[0].Id, null,
            "Masyarakat", null, null, "34", "34.04", "Bagaimana cara login?"), [], "127.0.0.1");
        Assert.True(sent.Succeeded);
        var detail = (await Services.GetRequiredService<HelpdeskAgentService>().ListAsync(Agent, new QueueQuery())).Rows.Single();
        var ticket = (await Services.GetRequiredService<HelpdeskAgentService>().GetAsync(Agent, detail.Id))!;

        var providers = RenderMudProviders();
        var done = new List<string>();
        var actions = Render<TicketActions>(p => p.Add(x => x.Ticket, ticket).Add(x => x.OnDone, (string m) => done.Add(m)));
        actions.WaitForAssertion(() => Assert.NotEmpty(actions.FindAll("#reply-body")));
        actions.Find("form").Submit();
        actions.WaitForAssertion(() => Assert.Equal("Balasan wajib diisi.",
            actions.Find("#reply-body").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent.Trim()));
        Assert.Empty(done);

        actions.Choose(providers, "canned-reply", "Reset password");
        actions.WaitForAssertion(() => Assert.Contains("Lupa Password?", actions.Find("#reply-body").GetAttribute("value") ?? actions.Find("#reply-body").TextContent));
        actions.Find("form").Submit();
        actions.WaitForAssertion(() => Assert.Equal(["Balasan dikirim dan laporan ditandai Selesai."], done));
    }
}
