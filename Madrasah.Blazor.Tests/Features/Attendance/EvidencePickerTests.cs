using System.Text;
using Bunit;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Uploads;
using Microsoft.AspNetCore.Components.Forms;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>The complaint form's "Unggah" alone: what it shows and tells the form while the chosen PDF is read.</summary>
public sealed class EvidencePickerTests : ComponentTestContext
{
    [Fact]
    public async Task While_the_chosen_PDF_is_read_the_picker_says_so_and_holds_the_form_until_it_is_kept()
    {
        EvidenceFile? kept = null;
        var reading = new List<bool>();
        var picker = Render<EvidencePicker>(p => p.Add(x => x.FileChanged, (EvidenceFile? f) => { kept = f; })
            .Add(x => x.ReadingChanged, (bool r) => reading.Add(r)));
        var file = new HeldBrowserFile("surat-tugas.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 surat tugas"));

        var chosen = HeldBrowserFile.ChooseAsync(picker.FindComponent<InputFile>(), file);
        picker.WaitForAssertion(() => Assert.Equal("Membaca berkas…", picker.Find("[data-testid=evidence-reading]").TextContent));
        Assert.Equal([true], reading); // the form holds "Kirim Pengaduan" from here
        Assert.Null(kept);

        file.Release();
        await chosen;
        Assert.Equal([true, false], reading);
        Assert.Equal("surat-tugas.pdf", kept?.Name);
        Assert.Empty(picker.FindAll("[data-testid=evidence-reading]"));
    }
}
