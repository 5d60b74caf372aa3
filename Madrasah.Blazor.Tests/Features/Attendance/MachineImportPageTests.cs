using System.Text;
using Bunit;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>"Impor Mesin Presensi": a refused line shows its number and hides SIMPAN; a clean file is previewed, then saved.</summary>
public sealed class MachineImportPageTests() : ComponentTestContext((services, configuration) =>
{
    services.AddEmail(configuration);
    services.AddPublicLinks(configuration);
    services.AddUserAccounts(configuration);
    services.AddAttendance();
}), IAsyncLifetime
{
    private const string Nur = "199003052015032001";

    // A weekday well before the demo's attendance records (the last two weeks), so nothing of it is recorded yet.
    private static readonly string Day = LastWeekdayBefore(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40)).ToString("dd-MM-yyyy");

    public async ValueTask InitializeAsync()
    {
        await DemoSeed.CopyIntoAsync(Database);
        SignInAs(await DemoSeed.ScopeOfAsync(Database, "kepegawaian@min1sleman.sch.id"));
    }

    private static DateOnly LastWeekdayBefore(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(-1);
        return date;
    }

    private static InputFileContent Csv(params string[] lines) =>
        InputFileContent.CreateFromText(string.Join("\r\n", ["No. ID/NIP,Nama,Tanggal,Jam,Status", .. lines]) + "\r\n", "mesin.csv", contentType: "text/csv");

    [Fact]
    public void A_refused_line_is_shown_with_its_number_and_nothing_can_be_saved()
    {
        RenderMudProviders();
        var page = Render<MachineImportPage>();

        page.FindComponent<InputFile>().UploadFiles(Csv(
            $"{Nur},Nur Hidayah,{Day},06:58,C/In",
            $"199912312020121001,Orang Lain,{Day},07:05,C/In"));

        page.WaitForAssertion(() => Assert.Contains("1 baris ditolak", page.Find("[data-testid=import-summary]").TextContent.Replace("  ", " ")));
        Assert.StartsWith("Baris 3: ", page.Find("[data-testid=import-refused] li").TextContent);
        Assert.Empty(page.FindAll("[data-testid=import-save]"));
        Assert.Equal("mesin.csv", page.Find("[data-testid=import-file]").TextContent);
    }

    [Fact]
    public void A_clean_file_is_previewed_then_saved_with_SIMPAN()
    {
        RenderMudProviders();
        var page = Render<MachineImportPage>();

        page.FindComponent<InputFile>().UploadFiles(Csv(
            $"{Nur},Nur Hidayah,{Day},06:58,C/In",
            $"{Nur},Nur Hidayah,{Day},15:02,C/Out"));

        page.WaitForAssertion(() => Assert.Contains("akan ditambahkan", page.Find("[data-testid=import-summary]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=import-saved]"));
        page.Find("[data-testid=import-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("2 presensi dari mesin.csv tersimpan", page.Find("[data-testid=import-saved]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=import-save]"));
    }
}
