using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Features.Institutions;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Pdf;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>
/// bUnit for the approvals components: the app's own registrations (<c>AddApprovals()</c> and what it needs) over a
/// copy of the demo data, and the demo's operator, head and district admin to sign in as.
/// </summary>
public abstract class ApprovalComponentTestContext() : ComponentTestContext((services, configuration) =>
{
    services.AddEmail(configuration);
    services.AddPdf(configuration);
    services.AddInstitutions();
    services.AddApprovals();
}), IAsyncLifetime
{

    protected UserScope Operator { get; private set; } = UserScope.Anonymous;
    protected UserScope Head { get; private set; } = UserScope.Anonymous;
    protected UserScope DistrictAdmin { get; private set; } = UserScope.Anonymous;
    protected Institution Min1 { get; private set; } = null!;

    protected ApprovalService Approvals => Services.GetRequiredService<ApprovalService>();

    public async ValueTask InitializeAsync()
    {
        await DemoSeed.CopyIntoAsync(Database);
        await using var db = Database.CreateContext();
        Min1 = await db.Institutions.AsNoTracking().SingleAsync(i => i.Name == "MIN 1 Sleman");
        Operator = await DemoSeed.ScopeOfAsync(Database, "operator@min1sleman.sch.id");
        Head = await DemoSeed.ScopeOfAsync(Database, "kepala@min1sleman.sch.id");
        DistrictAdmin = await DemoSeed.ScopeOfAsync(Database, "admin@kemenagsleman.go.id");
    }

    /// <summary>The operator submits a change of the given fields (key → new value) through the service; the request as the head sees it.</summary>
    protected async Task<ChangeRequestDetail> SubmitAsync(params (string Key, string? Value)[] changes)
    {
        var result = await Approvals.SaveAsync(Operator, null, changes.ToDictionary(c => c.Key, c => c.Value), "Mohon disetujui.", submit: true);
        Assert.True(result.Succeeded, result.Error);
        return (await Approvals.GetAsync(Head, result.RequestId!.Value))!;
    }

    /// <summary>
    /// A request of the institution, written straight into the database: submitted and last changed at
    /// <paramref name="submittedUtc"/>, changing the phone from <paramref name="oldPhone"/> (default: the present number).
    /// </summary>
    protected async Task<int> SeedRequestAsync(string institutionName, ChangeRequestStatus status, DateTime submittedUtc, string? oldPhone = null,
        string fieldKey = "Phone", string fieldLabel = "Telepon")
    {
        await using var db = Database.CreateContext();
        var institution = await db.Institutions.SingleAsync(i => i.Name == institutionName);
        var op = await db.Users.FirstAsync(u => u.InstitutionId == institution.Id && u.Email!.StartsWith("operator@"));
        var decided = status is ChangeRequestStatus.Applied or ChangeRequestStatus.RejectedByDistrict;
        var request = new ChangeRequest
        {
            InstitutionId = institution.Id, Status = status, CreatedByUserId = op.Id, CreatedByName = op.FullName,
            CreatedUtc = submittedUtc, SubmittedUtc = submittedUtc, UpdatedUtc = submittedUtc, Revision = decided ? 3 : 2,
            DistrictReason = status == ChangeRequestStatus.RejectedByDistrict ? "Belum ada SK." : null,
            Fields =
            [
                new()
                {
                    FieldKey = fieldKey, Label = fieldLabel, OldValue = fieldKey == "Phone" ? oldPhone ?? institution.Phone : null,
                    NewValue = "0274-" + submittedUtc.ToString("ddHHmm"),
                    HeadDecision = status == ChangeRequestStatus.WaitingForHead ? FieldDecision.Pending : FieldDecision.Approved,
                    DistrictDecision = status == ChangeRequestStatus.Applied ? FieldDecision.Approved
                        : status == ChangeRequestStatus.RejectedByDistrict ? FieldDecision.Rejected : FieldDecision.Pending,
                },
            ],
        };
        db.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }


}
