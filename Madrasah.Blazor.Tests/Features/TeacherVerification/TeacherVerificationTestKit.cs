using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>
/// The app's registrations for PTK account verification over a seeded test database and a manual clock, with the
/// demo actors: the teacher Nur Hidayah (Pegawai, MIN 1 Sleman) and the operators of MIN 1 Sleman and MTs Negeri 3 Sleman.
/// </summary>
public sealed class TeacherVerificationTestKit : IAsyncDisposable
{
    public const string TeacherEmail = "nur.hidayah@guru.demo.id";
    public const string TeacherNik = "3404074503900002";

    public ManualClock Clock { get; } = new();
    public AppServices App { get; }
    public UserScope Teacher { get; private set; } = UserScope.Anonymous;
    public UserScope Operator { get; private set; } = UserScope.Anonymous;
    public UserScope OtherOperator { get; private set; } = UserScope.Anonymous;

    private TeacherVerificationTestKit(Dictionary<string, string?>? settings)
    {
        App = new AppServices((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddUserAccounts(configuration);
            services.AddTeacherVerification(configuration);
            services.AddSingleton<TimeProvider>(Clock);
        }, settings);
    }

    /// <param name="verifyOperator">Whether the MIN 1 Sleman operator verifies their own email first, as the seed asks before they set PTK emails.</param>
    public static async Task<TeacherVerificationTestKit> CreateAsync(Dictionary<string, string?>? settings = null, bool verifyOperator = true)
    {
        var kit = new TeacherVerificationTestKit(settings);
        await kit.App.SeedDemoDataAsync();
        kit.Teacher = await kit.ScopeOfAsync(TeacherEmail, Roles.Pegawai);
        kit.Operator = await kit.ScopeOfAsync("operator@min1sleman.sch.id", Roles.Operator);
        kit.OtherOperator = await kit.ScopeOfAsync("operator@mtsn3sleman.sch.id", Roles.Operator);
        if (verifyOperator)
            foreach (var (scope, email) in new[] { (kit.Operator, "operator@min1sleman.sch.id"), (kit.OtherOperator, "operator@mtsn3sleman.sch.id") })
            {
                Assert.True((await kit.SendAsync(scope)).Sent);
                Assert.True((await kit.VerifyAsync(await kit.LatestCodeAsync(email), scope)).Succeeded);
            }
        return kit;
    }

    public async Task<UserScope> ScopeOfAsync(string email, string role)
    {
        await using var db = App.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        return new UserScope(user.Id, user.Email!, user.FullName, role, user.InstitutionId, user.DistrictId);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.CreateRequestScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> Verification<T>(Func<AccountVerificationService, Task<T>> action) =>
        WithAsync(sp => action(sp.GetRequiredService<AccountVerificationService>()));

    public Task<T> Accounts<T>(Func<PtkAccountService, Task<T>> action) =>
        WithAsync(sp => action(sp.GetRequiredService<PtkAccountService>()));

    public Task<CodeRequest> SendAsync(UserScope? who = null) => Verification(s => s.SendCodeAsync(who ?? Teacher));

    public Task<CodeCheck> VerifyAsync(string code, UserScope? who = null) => Verification(s => s.VerifyAsync(who ?? Teacher, code));

    public async Task<VerificationState> StateAsync(UserScope? who = null) => (await Verification(s => s.GetStateAsync(who ?? Teacher)))!;

    /// <summary>The code in the newest verification email to <paramref name="email"/>, as the teacher reads it.</summary>
    public async Task<string> LatestCodeAsync(string email = TeacherEmail)
    {
        await using var db = App.Database.CreateContext();
        var message = await db.Set<OutboxMessage>().Where(m => m.To == email && m.Subject == AccountVerificationService.Subject)
            .OrderByDescending(m => m.Id).FirstAsync();
        return CodeIn(message.TextBody);
    }

    public static string CodeIn(string text) => Regex.Match(text, @"(?<![\d.])\d{6}(?![\d.])").Value;

    public async Task<Staff> StaffAsync(string nik)
    {
        await using var db = App.Database.CreateContext();
        return await db.Staff.AsNoTracking().SingleAsync(s => s.Nik == nik);
    }

    public async Task<List<AccountVerificationCode>> CodesAsync(string userId)
    {
        await using var db = App.Database.CreateContext();
        return await db.Set<AccountVerificationCode>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>A code that is not <paramref name="right"/> (a wrong guess).</summary>
    public static string Other(string right) => ((int.Parse(right) + 1) % 1_000_000).ToString("D6");

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
