using Bunit;
using Madrasah.Blazor.Features.PontrenSync;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Time;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.PontrenSync;

/// <summary>The data page's components alone: the santri dialog, the import's report, the problems list and its jump to the row.</summary>
public sealed class DataComponentTests : ComponentTestContext
{
    private readonly UserScope _operator;

    public DataComponentTests() : base((services, _) =>
    {
        services.AddMadrasahTime();
        services.AddPontrenData();
    })
    {
        DemoSeed.CopyIntoAsync(Database).GetAwaiter().GetResult();
        _operator = SignInAs(DemoSeed.ScopeOfAsync(Database, "operator@alhikmah.ponpes.id").GetAwaiter().GetResult());
    }

    [Fact]
    public void The_santri_dialog_names_each_refused_field_and_keeps_what_was_typed()
    {
        var providers = RenderMudProviders();
        var section = Render<SantriSection>(p => p.Add(s => s.Scope, _operator));
        section.Find("[data-testid=santri-add] ").Click();
        providers.WaitForAssertion(() => providers.Find("[data-testid=santri-dialog]"));

        providers.Find("#santri-nik").Input("3404 0750");
        providers.Find("#santri-name").Input("Siti Maimunah");
        providers.Find("#pontren-santri-form").Submit();
        providers.WaitForAssertion(() => Assert.Equal("Tempat lahir wajib diisi.", providers.Find("#santri-birthplace").Message()));
        Assert.Equal("Jenjang wajib diisi.", providers.Find("#santri-level").Message());
        Assert.Equal("Siti Maimunah", providers.Find("#santri-name").GetAttribute("value"));

        // Everything filled, the NIK of a santri already in the list: the service refuses it under the NIK field.
        var taken = DemoNik();
        providers.Find("#santri-nik").Input(taken);
        providers.Find("#santri-birthplace").Input("Sleman");
        providers.Find("#santri-level").Input("Wustha");
        providers.Find("input[data-testid=santri-birthdate]").Change("10-03-2012");
        var dialog = providers.FindComponent<SantriDialog>();
        dialog.Choose(providers, "santri-sex", "Perempuan (P)");
        providers.Find("#pontren-santri-form").Submit();
        providers.WaitForAssertion(() => Assert.Contains($"NIK {taken} sudah ada di daftar santri", providers.Find("#santri-nik").Message()));
        Assert.Equal(taken, providers.Find("#santri-nik").GetAttribute("value"));
        Assert.Equal("Siti Maimunah", providers.Find("#santri-name").GetAttribute("value"));
        Assert.Equal("Sleman", providers.Find("#santri-birthplace").GetAttribute("value"));
        Assert.Equal("", providers.Find("#santri-level").Message());
        Assert.Single(providers.FindAll("[data-testid=santri-dialog]"));

        providers.Find("#santri-nik").Input("3404075003120001");
        providers.Find("#pontren-santri-form").Submit();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("[data-testid=santri-dialog]")));
        section.WaitForAssertion(() => Assert.Contains("31 data", section.Find("[data-testid=santri-pager-range]").TextContent));
    }

    [Fact]
    public void The_import_report_shows_the_line_of_each_refused_row_and_that_nothing_was_saved()
    {
        var panel = Render<DataImportPanel>(p => p.Add(s => s.Scope, _operator).Add(s => s.Kind, ImportKind.Santri));
        var csv = string.Join("\n", DataTestKit.SantriHeader,
            "3404075003120001;;Siti Maimunah;P;Sleman;10-03-2012;Wustha",
            "3.40407E+15;;Umar Faruq;L;Bantul;17-08-2011;Ulya");
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "santri.csv"));
        panel.WaitForAssertion(() => Assert.Contains("tidak ada data yang disimpan", panel.Find("[data-testid=santri-summary]").TextContent));
        var problem = Assert.Single(panel.FindAll("[data-testid=santri-problems] li"));
        Assert.StartsWith("Baris 3: NIK \"3.40407E+15\"", problem.TextContent);
        Assert.Equal("3", problem.GetAttribute("data-line"));
        Assert.Equal("Unduh template (.xlsx)", panel.Find("[data-testid=santri-template]").TextContent.Trim());
    }

    [Fact]
    public void A_problem_in_the_list_opens_its_section_on_the_page_holding_the_row_and_highlights_it()
    {
        int brokenId;
        using (var db = Database.CreateContext())
        {
            var last = db.Set<PontrenSantri>().OrderByDescending(s => s.FullName).First();
            last.BirthPlace = "";
            db.SaveChanges();
            brokenId = last.Id;
        }
        RenderMudProviders();
        var page = Render<DataPage>();
        page.WaitForAssertion(() => Assert.Contains("1 masalah harus diperbaiki sebelum sinkronisasi", page.Find("[data-testid=data-verdict]").TextContent));
        var group = page.Find("[data-testid=problem-group]");
        Assert.Contains("Santri", group.TextContent);
        var link = page.Find("[data-testid=problem-row]");
        Assert.Equal("Baris 30", link.TextContent.Trim());
        Assert.Contains("Tempat lahir wajib diisi.", page.Find("[data-testid=problem]").TextContent);

        link.Click();
        page.WaitForAssertion(() => Assert.Contains("row-highlight", page.Find("tr.row-highlight").ClassName));
        var row = page.Find("tr.row-highlight");
        Assert.Equal("30", row.GetAttribute("data-row"));
        Assert.Equal("Zahra Amalia", row.GetAttribute("data-name"));
        Assert.Contains("1 masalah", row.TextContent);
        Assert.Contains("26–30 dari 30 data", page.Find("[data-testid=santri-pager-range]").TextContent);
        Assert.True(brokenId > 0);
    }

    private string DemoNik()
    {
        using var db = Database.CreateContext();
        return db.Set<PontrenSantri>().OrderBy(s => s.Id).Select(s => s.Nik).First();
    }
}
