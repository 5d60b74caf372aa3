using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Approvals;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Madrasah.Blazor.Infrastructure.Pdf;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.Approvals;

/// <summary>
/// The demo data on a real SQLite file and an <see cref="ApprovalService"/> built by the app's own registrations
/// (<c>AddEmail</c>, <c>AddPdf</c>, <c>AddApprovals</c> over <see cref="AppServices"/>).
/// </summary>
internal sealed class ApprovalTestKit : IAsyncDisposable
{
    private readonly AppServices _app;
    private readonly AsyncServiceScope _scope;

    private ApprovalTestKit(Action<IServiceCollection>? configure)
    {
        _app = new((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddPdf(configuration);
            services.AddApprovals();
            configure?.Invoke(services);
        }, migrate: false); // the seeded file is copied in
        _scope = _app.Provider.CreateAsyncScope();
        Service = _scope.ServiceProvider.GetRequiredService<ApprovalService>();
    }

    /// <summary>A second service on the same database whose contexts also run the given EF interceptors (to stage races).</summary>
    public ApprovalService ServiceWith(params IInterceptor[] interceptors) =>
        ActivatorUtilities.CreateInstance<ApprovalService>(_scope.ServiceProvider,
            Database.FactoryWith([_app.Provider.GetRequiredService<AfterCommitInterceptor>(), .. interceptors]));

    public TestDatabase Database => _app.Database;
    public LiveNotifier Notifier => _app.Provider.GetRequiredService<LiveNotifier>();
    public ApprovalService Service { get; }

    public UserScope Operator { get; private set; } = UserScope.Anonymous;
    public UserScope Head { get; private set; } = UserScope.Anonymous;
    public UserScope DistrictAdmin { get; private set; } = UserScope.Anonymous;
    /// <summary>The operator of MTs Negeri 3 Sleman: same district, another institution.</summary>
    public UserScope OtherOperator { get; private set; } = UserScope.Anonymous;
    public Institution Min1 { get; private set; } = null!;

    /// <param name="configure">Registrations over the app's own (e.g. a receipt writer that waits).</param>
    public static async Task<ApprovalTestKit> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var kit = new ApprovalTestKit(configure);
        await DemoSeed.CopyIntoAsync(kit.Database);
        await using var db = kit.Database.CreateContext();
        kit.Min1 = await db.Institutions.AsNoTracking().SingleAsync(i => i.Name == "MIN 1 Sleman");
        kit.Operator = await DemoSeed.ScopeOfAsync(kit.Database, "operator@min1sleman.sch.id");
        kit.Head = await DemoSeed.ScopeOfAsync(kit.Database, "kepala@min1sleman.sch.id");
        kit.DistrictAdmin = await DemoSeed.ScopeOfAsync(kit.Database, "admin@kemenagsleman.go.id");
        kit.OtherOperator = await DemoSeed.ScopeOfAsync(kit.Database, "operator@mtsn3sleman.sch.id");
        return kit;
    }



    /// <summary>The operator submits a change of the given fields (key → new value) and gets the request back.</summary>
    public async Task<ChangeRequestDetail> SubmitAsync(params (string Key, string? Value)[] changes)
    {
        var result = await Service.SaveAsync(Operator, null, changes.ToDictionary(c => c.Key, c => c.Value), "Mohon disetujui.", submit: true);
        Assert.True(result.Succeeded, result.Error);
        return (await Service.GetAsync(Operator, result.RequestId!.Value))!;
    }

    /// <summary>The head decides: fields listed in <paramref name="rejected"/> are rejected with a reason, the rest approved.</summary>
    public async Task<ApprovalResult> HeadDecideAsync(int requestId, params string[] rejected)
    {
        var request = (await Service.GetAsync(Head, requestId))!;
        return await Service.HeadDecideAsync(Head, requestId, request.Revision,
            request.Fields.Select(f => new FieldDecisionInput(f.Id, !rejected.Contains(f.Key), rejected.Contains(f.Key) ? $"{f.Label} belum sesuai SK." : null)).ToList());
    }

    public async Task<ApprovalResult> DistrictDecideAsync(int requestId, bool approve, string? reason = null)
    {
        var request = (await Service.GetAsync(DistrictAdmin, requestId))!;
        return await Service.DistrictDecideAsync(DistrictAdmin, requestId, request.Revision, approve, reason);
    }

    public async Task<Institution> ReloadInstitutionAsync(int? institutionId = null)
    {
        await using var db = Database.CreateContext();
        return await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == (institutionId ?? Min1.Id));
    }

    /// <summary>A head account for an institution (the demo has one only for MIN 1 Sleman), confirmed or not.</summary>
    public Task<UserScope> AddHeadAsync(int institutionId, string email, bool emailConfirmed, string fullName = "Kepala Uji") =>
        AddUserAsync(Roles.KepalaMadrasah, email, fullName, emailConfirmed, institutionId, districtId: null);

    /// <summary>Another admin of MIN 1 Sleman's district (the demo has one).</summary>
    public Task<UserScope> AddDistrictAdminAsync(string email, string fullName) =>
        AddUserAsync(Roles.AdminKabKota, email, fullName, emailConfirmed: true, institutionId: null, districtId: Min1.DistrictId);

    private async Task<UserScope> AddUserAsync(string role, string email, string fullName, bool emailConfirmed, int? institutionId, int? districtId)
    {
        await using var db = Database.CreateContext();
        var user = new ApplicationUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = emailConfirmed, SecurityStamp = Guid.NewGuid().ToString("N"), FullName = fullName,
            InstitutionId = institutionId, DistrictId = districtId, CreatedUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return new UserScope(user.Id, email, user.FullName, role, institutionId, districtId);
    }

    public async Task SetEmailConfirmedAsync(string userId)
    {
        await using var db = Database.CreateContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true));
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action.StartsWith("approvals.")).OrderBy(a => a.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
