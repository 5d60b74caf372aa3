using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Tests.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Institutions;

public class InstitutionProfileReceiptServiceTests
{
    private static AppServices App() => PdfTestKit.App(configure: (services, _) => services.AddInstitutions());

    private static InstitutionProfileReceiptService Service(AppServices app) =>
        app.Provider.CreateScope().ServiceProvider.GetRequiredService<InstitutionProfileReceiptService>();

    private static UserScope OperatorOf(Institution institution) =>
        new("user-" + institution.Id, "operator" + institution.Id, "Siti Aminah", Roles.Operator, institution.Id, institution.DistrictId);

    [Fact]
    public async Task An_operator_prints_the_profile_of_their_institution_with_an_audit_entry()
    {
        await using var app = App();
        var institution = await app.Database.AddInstitutionAsync("MIN 1 Sleman");
        await using (var db = app.Database.CreateContext())
        {
            await db.Institutions.Where(i => i.Id == institution.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Npsn, "20412345").SetProperty(i => i.HeadName, "Ahmad Fauzi")
                .SetProperty(i => i.StudentCount, 1234).SetProperty(i => i.TeacherCount, 56));
        }

        var issued = await Service(app).IssueAsync(OperatorOf(institution), institution.Id);

        Assert.NotNull(issued);
        Assert.StartsWith("BPL-", issued.Number);
        Assert.Equal($"/bukti/{issued.Number}.pdf", issued.PdfUrl);
        Assert.Equal($"/bukti/{issued.Number}.pdf?unduh=1", issued.DownloadUrl);

        await using var check = app.Database.CreateContext();
        var receipt = await check.Set<Receipt>().SingleAsync();
        Assert.Equal("institution-profile", receipt.Kind);
        Assert.Equal("Siti Aminah", receipt.IssuedByName);
        var text = PdfTestKit.PdfToFlatText(receipt.PdfBytes);
        foreach (var expected in new[] { "Bukti Profil Lembaga", "MIN 1 Sleman", "NSM", "111134049999", "20412345", "Ahmad Fauzi", "1.234", "56", "Jl. Uji No. 1, Kabupaten Sleman" })
            Assert.Contains(expected, text);

        var audit = await check.Set<AuditEntry>().SingleAsync();
        Assert.Equal("receipts.institution-profile-issued", audit.Action);
        Assert.Equal(issued.Number, audit.EntityId);
        Assert.Equal(institution.Id, audit.InstitutionId);
    }

    [Fact]
    public async Task The_print_commits_number_and_audit_entry_then_draws_without_holding_the_database()
    {
        var writer = new GatedReceiptWriter();
        await using var app = PdfTestKit.App(configure: (services, _) =>
        {
            services.AddInstitutions();
            services.AddSingleton<PdfReceiptWriter>(writer);
        });
        var institution = await app.Database.AddInstitutionAsync("MIN 1 Sleman");

        var printing = Task.Run(() => Service(app).IssueAsync(OperatorOf(institution), institution.Id));
        await writer.Drawing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var db = app.Database.CreateContext())
        {
            var receipt = await db.Set<Receipt>().SingleAsync();
            Assert.False(receipt.IsDrawn);
            Assert.Equal(receipt.Number, (await db.Set<AuditEntry>().SingleAsync()).EntityId);
        }
        await PdfTestKit.WriteMeanwhileAsync(app.Database);

        writer.Release.SetResult();
        var issued = await printing;
        await using var check = app.Database.CreateContext();
        Assert.Contains(issued!.Number, PdfTestKit.PdfToFlatText((await check.Set<Receipt>().SingleAsync()).PdfBytes));
    }

    [Fact]
    public async Task Nobody_prints_the_profile_of_an_institution_outside_their_scope()
    {
        await using var app = App();
        var own = await app.Database.AddInstitutionAsync("MIN 1 Sleman", "111134040001");
        var other = await app.Database.AddInstitutionAsync("MIN 2 Sleman", "111134040002");

        Assert.Null(await Service(app).IssueAsync(OperatorOf(own), other.Id));

        await using var check = app.Database.CreateContext();
        Assert.Empty(await check.Set<Receipt>().ToListAsync());
        Assert.Empty(await check.Set<AuditEntry>().ToListAsync());
        Assert.Empty(await check.Set<ReceiptCounter>().ToListAsync());
    }
}
