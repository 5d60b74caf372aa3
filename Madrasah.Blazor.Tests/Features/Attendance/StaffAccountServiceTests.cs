using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.Attendance;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madrasah.Blazor.Tests.Features.Attendance;

/// <summary>The personnel officer creates staff accounts of their own institution: no password, a one-time link by email.</summary>
public class StaffAccountServiceTests
{
    private static async Task<Staff> WithoutAccountAsync(AttendanceTestKit kit, string institution)
    {
        await using var db = kit.Database.CreateContext();
        return await db.Staff.AsNoTracking().Where(s => s.UserId == null && s.Institution.Name == institution).OrderBy(s => s.Id).FirstAsync();
    }

    [Fact]
    public async Task The_officer_creates_an_account_without_a_password_and_the_person_gets_a_one_time_link()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var staff = await WithoutAccountAsync(kit, "MIN 1 Sleman");
        var before = (await kit.StaffAccounts.ListAsync(kit.Officer, staff.FullName)).Rows.Single(r => r.StaffId == staff.Id);
        Assert.Equal(StaffAccountState.None, before.State);

        var result = await kit.StaffAccounts.CreateAccountAsync(kit.Officer, staff.Id, new StaffAccountInput(" Pegawai.Baru@Gmail.com "));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));

        await using var db = kit.Database.CreateContext();
        var saved = await db.Staff.AsNoTracking().SingleAsync(s => s.Id == staff.Id);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == saved.UserId);
        Assert.Null(user.PasswordHash); // never a default password
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Pegawai.Baru@Gmail.com", user.Email);
        Assert.Equal(staff.Nik, user.Nik);
        Assert.Equal(staff.InstitutionId, user.InstitutionId);
        Assert.Contains(await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(), r => r == Roles.Pegawai);
        var mail = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == "Pegawai.Baru@Gmail.com").SingleAsync();
        Assert.Contains("/akun/atur-password?id=", mail.TextBody);

        var after = (await kit.StaffAccounts.ListAsync(kit.Officer, staff.FullName)).Rows.Single(r => r.StaffId == staff.Id);
        Assert.Equal(StaffAccountState.Invited, after.State);
        Assert.Equal("Undangan terkirim", after.State.Label());

        // The link can be sent again while the account waits; a second account for the same person is refused.
        Assert.Null(await kit.StaffAccounts.ResendLinkAsync(kit.Officer, staff.Id));
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(m => m.To == "Pegawai.Baru@Gmail.com"));
        Assert.Contains("sudah memiliki akun", (await kit.StaffAccounts.CreateAccountAsync(kit.Officer, staff.Id, new StaffAccountInput("lain@gmail.com"))).Errors[""]);
    }

    [Fact]
    public async Task Another_institutions_staff_and_other_roles_are_refused()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var mtsStaff = await WithoutAccountAsync(kit, "MTs Negeri 3 Sleman");
        var own = await WithoutAccountAsync(kit, "MIN 1 Sleman");

        Assert.Equal(StaffAccountService.NotFoundMessage,
            (await kit.StaffAccounts.CreateAccountAsync(kit.Officer, mtsStaff.Id, new StaffAccountInput("x1@gmail.com"))).Errors[""]);
        Assert.Equal(StaffAccountService.NotFoundMessage, await kit.StaffAccounts.ResendLinkAsync(kit.Officer, mtsStaff.Id));
        Assert.DoesNotContain((await kit.StaffAccounts.ListAsync(kit.Officer, null, pageSize: 100)).Rows, r => r.StaffId == mtsStaff.Id);
        // The other institution's officer sees and changes nothing of MIN 1; a staff member is no officer.
        Assert.Equal(StaffAccountService.NotFoundMessage,
            (await kit.StaffAccounts.CreateAccountAsync(kit.OtherOfficer, own.Id, new StaffAccountInput("x2@gmail.com"))).Errors[""]);
        Assert.Equal(StaffAccountService.NotFoundMessage,
            (await kit.StaffAccounts.CreateAccountAsync(kit.Staff, own.Id, new StaffAccountInput("x3@gmail.com"))).Errors[""]);
        Assert.Empty((await kit.StaffAccounts.ListAsync(kit.Staff, null)).Rows);

        await using var db = kit.Database.CreateContext();
        Assert.Null(await db.Staff.Where(s => s.Id == own.Id || s.Id == mtsStaff.Id).Select(s => s.UserId).FirstOrDefaultAsync(u => u != null));
    }

    [Fact]
    public async Task The_email_field_names_what_is_wrong()
    {
        await using var kit = await AttendanceTestKit.CreateAsync();
        var staff = await WithoutAccountAsync(kit, "MIN 1 Sleman");
        var empty = await kit.StaffAccounts.CreateAccountAsync(kit.Officer, staff.Id, new StaffAccountInput(" "));
        Assert.Contains("Email", empty.Errors[StaffAccountService.EmailField]);
        var taken = await kit.StaffAccounts.CreateAccountAsync(kit.Officer, staff.Id, new StaffAccountInput("NUR.HIDAYAH@guru.demo.id"));
        Assert.Equal("Email ini sudah dipakai akun lain. Isi email pribadi pegawai ini.", taken.Errors[StaffAccountService.EmailField]);
    }
}
