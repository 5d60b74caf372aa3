using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madrasah.Blazor.Tests.Features.TeacherVerification.TeacherVerificationTestKit;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>The operator's side: the table's statuses, filter and search, setting emails one by one or from a pasted list, accounts, and the institution scope.</summary>
public sealed class PtkAccountServiceTests : IAsyncLifetime
{
    private TeacherVerificationTestKit _kit = null!;

    public async ValueTask InitializeAsync() => _kit = await CreateAsync();

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    private Task<PtkAccountPage> ListAsync(PtkAccountQuery? query = null, UserScope? who = null) =>
        _kit.Accounts(s => s.ListAsync(who ?? _kit.Operator, query ?? new()));

    [Fact]
    public async Task The_table_shows_the_institutions_PTK_with_each_status_and_filters_and_searches()
    {
        var page = await ListAsync();
        Assert.Equal(["Muhammad Iqbal, S.Pd.", "Nur Hidayah, S.Pd.I.", "Rina Marlina, S.Pd.", "Sutrisno"], page.Items.Select(r => r.FullName));
        Assert.Equal(PtkAccountStatus.NoEmail, page.Items.Single(r => r.FullName == "Sutrisno").Status);
        Assert.Equal(3, page.Counts[PtkAccountStatus.AwaitingVerification]);

        await _kit.SendAsync();
        page = await ListAsync(new(Status: PtkAccountStatus.CodeSent));
        var row = Assert.Single(page.Items);
        Assert.Equal("Nur Hidayah, S.Pd.I.", row.FullName);
        Assert.Equal(_kit.Clock.UtcNow, row.LastCodeUtc);

        // The code's end turns it back to "Menunggu verifikasi".
        _kit.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty((await ListAsync(new(Status: PtkAccountStatus.CodeSent))).Items);

        Assert.Equal("Muhammad Iqbal, S.Pd.", Assert.Single((await ListAsync(new(Search: "198711122010031007"))).Items).FullName);
        Assert.Equal("Rina Marlina, S.Pd.", Assert.Single((await ListAsync(new(Search: "rina.marlina@"))).Items).FullName);
        Assert.Equal("Sutrisno", Assert.Single((await ListAsync(new(Search: "tata usaha"))).Items).FullName);
    }

    [Fact]
    public async Task Each_operator_sees_and_changes_only_their_own_institution()
    {
        var other = await ListAsync(who: _kit.OtherOperator);
        Assert.DoesNotContain(other.Items, r => r.FullName == "Nur Hidayah, S.Pd.I.");
        Assert.Contains(other.Items, r => r.FullName == "Fatimah Azzahra, S.Pd.");

        var nur = await _kit.StaffAsync(TeacherNik);
        var refused = await _kit.Accounts(s => s.SetEmailAsync(_kit.OtherOperator, nur.Id, "lain@madrasah.sch.id"));
        Assert.Equal(PtkAccountService.NotFoundMessage, refused.Errors[""]);
        Assert.Equal(PtkAccountService.NotFoundMessage, await _kit.Accounts(s => s.SendPasswordLinkAsync(_kit.OtherOperator, nur.Id)));
        Assert.Equal(TeacherEmail, (await _kit.StaffAsync(TeacherNik)).Email);

        // A teacher (Pegawai) and a head see no table and change nothing.
        Assert.Empty((await ListAsync(who: _kit.Teacher)).Items);
        var head = await _kit.ScopeOfAsync("kepala@min1sleman.sch.id", Roles.KepalaMadrasah);
        Assert.False((await _kit.Accounts(s => s.SetEmailAsync(head, nur.Id, "lain@madrasah.sch.id"))).Succeeded);
    }

    [Fact]
    public async Task Setting_an_email_moves_the_account_to_it_ends_the_old_code_and_asks_for_verification_again()
    {
        await _kit.SendAsync();
        var old = await _kit.LatestCodeAsync();
        var nur = await _kit.StaffAsync(TeacherNik);
        var same = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, nur.Id, " NUR.HIDAYAH@guru.demo.id "));
        Assert.Equal("Email sama dengan yang tercatat; tidak ada yang diubah.", same.Errors[nameof(SetEmailForm.Email)]);
        var bad = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, nur.Id, "nur.hidayah@"));
        Assert.Equal("Format Email tidak valid. Contoh: nama@contoh.sch.id", bad.Errors[nameof(SetEmailForm.Email)]);

        Assert.True((await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, nur.Id, "nur.hidayah@min1sleman.sch.id"))).Succeeded);
        Assert.Equal(CodeOutcome.Replaced, (await _kit.VerifyAsync(old)).Outcome);
        var row = Assert.Single((await ListAsync(new(Search: "Nur"))).Items);
        Assert.Equal(("nur.hidayah@min1sleman.sch.id", PtkAccountStatus.AwaitingVerification), (row.Email, row.Status));
        await using var db = _kit.App.Database.CreateContext();
        Assert.Equal("nur.hidayah@min1sleman.sch.id", (await db.Users.SingleAsync(u => u.Id == _kit.Teacher.UserId)).Email);
        Assert.Contains(await db.Set<Madrasah.Blazor.Infrastructure.Audit.AuditEntry>().Select(a => a.Action).ToListAsync(), a => a == "ptk-accounts.email-set");
    }

    [Fact]
    public async Task A_pasted_list_reports_every_line_and_saves_only_the_good_ones()
    {
        const string pasted = """
            NIK/NIP	Email
            3404070101800004	sutrisno@min1sleman.sch.id
            19871112 201003 1 007, iqbal.matematika@min1sleman.sch.id
            3404075107920003;RINA.MARLINA@guru.demo.id
            3404016209880005	fatimah.lain@min1sleman.sch.id
            34040701018	pendek@min1sleman.sch.id
            3404074503900002	operator@min1sleman.sch.id
            198711122010031007	iqbal.dua@min1sleman.sch.id
            abc	x@y.id
            """;
        var check = await _kit.Accounts(s => s.ImportAsync(_kit.Operator, pasted, apply: false));
        Assert.False(check.Applied);
        Assert.Equal(
        [
            (1, ImportOutcome.Header),
            (2, ImportOutcome.Ready),
            (3, ImportOutcome.Ready),
            (4, ImportOutcome.Unchanged),
            (5, ImportOutcome.Error),
            (6, ImportOutcome.Error),
            (7, ImportOutcome.Error),
            (8, ImportOutcome.Error),
            (9, ImportOutcome.Error),
        ], check.Rows.Select(r => (r.Line, r.Outcome)));
        Assert.Equal("Tidak ada PTK dengan NIK 3404016209880005 di lembaga Anda.", check.Rows[4].Message); // another institution's PTK
        Assert.Equal("NIK/NIP harus 16 angka (NIK) atau 18 angka (NIP); yang terisi 11 angka.", check.Rows[5].Message);
        Assert.Equal(EmailOnRecord.TakenMessage, check.Rows[6].Message);
        Assert.Equal("Muhammad Iqbal, S.Pd. sudah ada di baris 3; baris ini dilewati.", check.Rows[7].Message);
        Assert.StartsWith("NIK/NIP hanya berisi angka", check.Rows[8].Message);
        Assert.Null((await _kit.StaffAsync("3404070101800004")).Email); // nothing saved by "Periksa Daftar"

        var saved = await _kit.Accounts(s => s.ImportAsync(_kit.Operator, pasted, apply: true));
        Assert.Equal(2, saved.Rows.Count(r => r.Outcome == ImportOutcome.Saved));
        Assert.Equal("sutrisno@min1sleman.sch.id", (await _kit.StaffAsync("3404070101800004")).Email);
        Assert.Equal("iqbal.matematika@min1sleman.sch.id", (await _kit.StaffAsync("3404071211870001")).Email);
        Assert.Equal(TeacherEmail, (await _kit.StaffAsync(TeacherNik)).Email);
    }

    [Fact]
    public async Task A_list_with_the_same_email_twice_keeps_the_first_and_reports_the_second()
    {
        var report = await _kit.Accounts(s => s.ImportAsync(_kit.Operator,
            "3404070101800004 sama@min1sleman.sch.id\n3404075107920003 Sama@min1sleman.sch.id", apply: true));
        Assert.Equal(ImportOutcome.Saved, report.Rows[0].Outcome);
        Assert.Equal("Email yang sama sudah dipakai di baris 1.", report.Rows[1].Message);
    }

    [Fact]
    public async Task An_overlong_paste_is_refused_as_a_whole()
    {
        var lines = string.Join("\n", Enumerable.Range(0, PtkAccountService.MaxImportRows + 1).Select(i => $"3404070101800004 a{i}@b.id"));
        var report = await _kit.Accounts(s => s.ImportAsync(_kit.Operator, lines, apply: true));
        Assert.StartsWith("Daftar terlalu panjang", Assert.Single(report.Rows).Message);
    }

    [Fact]
    public async Task An_account_by_link_sends_the_activation_email_and_one_by_initial_password_signs_in_at_once()
    {
        var rina = await _kit.StaffAsync("3404075107920003");
        Assert.True((await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, rina.Id, AccountSetup.Link, null))).Succeeded);
        await using (var db = _kit.App.Database.CreateContext())
        {
            Assert.Single(await db.Set<OutboxMessage>().Where(m => m.To == "rina.marlina@guru.demo.id" && m.Subject == "Aktivasi Akun Madrasah").ToListAsync());
            var user = await db.Users.SingleAsync(u => u.Email == "rina.marlina@guru.demo.id");
            Assert.Equal(user.Id, (await _kit.StaffAsync("3404075107920003")).UserId);
            Assert.Null(user.PasswordHash);
        }
        Assert.Equal("PTK ini sudah memiliki akun. Gunakan “Kirim Tautan Password” bila perlu.",
            (await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, rina.Id, AccountSetup.Link, null))).Errors[""]);
        Assert.Null(await _kit.Accounts(s => s.SendPasswordLinkAsync(_kit.Operator, rina.Id)));

        var iqbal = await _kit.StaffAsync("3404071211870001");
        var weak = await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, iqbal.Id, AccountSetup.InitialPassword, "iqbal123"));
        Assert.StartsWith("Password Awal belum memenuhi ketentuan", weak.Errors[nameof(CreateAccountForm.Password)]);
        Assert.True((await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, iqbal.Id, AccountSetup.InitialPassword, "Iqbal#Sleman2026"))).Succeeded);
        var signedIn = await _kit.WithAsync(sp => sp.GetRequiredService<SignInService>().PasswordSignInAsync("iqbal@guru.demo.id", "Iqbal#Sleman2026", false));
        Assert.Equal(SignInOutcome.Succeeded, signedIn);
        var users = await _kit.WithAsync(async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<Madrasah.Blazor.Data.ApplicationUser>>();
            return await manager.GetRolesAsync((await manager.FindByEmailAsync("iqbal@guru.demo.id"))!);
        });
        Assert.Equal([Roles.Pegawai], users);

        var sutrisno = await _kit.StaffAsync("3404070101800004");
        Assert.StartsWith("Isi Email Aktif PTK ini terlebih dahulu",
            (await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, sutrisno.Id, AccountSetup.Link, null))).Errors[""]);
    }

    [Fact]
    public async Task The_dashboard_counter_counts_verified_of_all_PTK()
    {
        Assert.Equal((0, 4), await _kit.Accounts(s => s.CountAsync(_kit.Operator)));
        await _kit.SendAsync();
        await _kit.VerifyAsync(await _kit.LatestCodeAsync());
        Assert.Equal((1, 4), await _kit.Accounts(s => s.CountAsync(_kit.Operator)));
        Assert.Equal((0, 0), await _kit.Accounts(s => s.CountAsync(_kit.Teacher)));
    }
}
