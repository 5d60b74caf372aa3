using System.Text.RegularExpressions;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.UserAccounts;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.UserAccounts;

/// <summary>Accounts made by an administrator, their activation link, "Lupa Password" and "Ubah Password", on the demo data.</summary>
public sealed partial class UserAccountsServiceTests : IAsyncLifetime
{
    private const string StrongPassword = "Sleman#Operator26";

    private readonly ManualClock _clock = new();
    private readonly AppServices _app;
    private UserScope _admin = UserScope.Anonymous, _district = UserScope.Anonymous;
    private int _mtsId, _outsideId;

    public UserAccountsServiceTests() =>
        _app = new AppServices((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddUserAccounts(configuration);
            services.AddSingleton<TimeProvider>(_clock);
        });

    public async ValueTask InitializeAsync()
    {
        await DemoSeed.CopyIntoAsync(_app.Database);
        _admin = await DemoSeed.ScopeOfAsync(_app.Database, "admin@madrasah.demo.id");
        _district = await DemoSeed.ScopeOfAsync(_app.Database, "admin@kemenagsleman.go.id");
        await using var db = _app.Database.CreateContext();
        _mtsId = (await db.Institutions.SingleAsync(i => i.Name == "MTs Negeri 3 Sleman")).Id;
        // An institution of another district, which Sleman's admin may not give accounts for.
        var bantul = new District { Code = "34.02", Name = "Kabupaten Bantul", ProvinceCode = "34", ProvinceName = "Daerah Istimewa Yogyakarta" };
        var outside = new Institution { District = bantul, Type = InstitutionType.MI, Name = "MIN 2 Bantul", StatisticNumber = "111134020002", Address = "Jl. Parangtritis" };
        db.Add(outside);
        await db.SaveChangesAsync();
        _outsideId = outside.Id;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.CreateRequestScope();
        return await action(scope.ServiceProvider);
    }

    private Task<FormResult> CreateAsync(UserScope actor, NewUser input) =>
        WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().CreateAsync(actor, input));

    private static NewUser NewOperator(int institutionId, string email = "operator.baru@mtsn3sleman.sch.id") =>
        new("Rudi Hartono", email, Roles.Operator, institutionId, null, null);

    /// <summary>The id and token of the newest link emailed to <paramref name="email"/>.</summary>
    private async Task<(string Id, string Token, OutboxMessage Message)> LinkSentToAsync(string email)
    {
        await using var db = _app.Database.CreateContext();
        var message = await db.Set<OutboxMessage>().Where(m => m.To == email).OrderByDescending(m => m.Id).FirstAsync();
        var match = LinkPattern().Match(message.TextBody);
        Assert.True(match.Success, $"No password link in: {message.TextBody}");
        return (Uri.UnescapeDataString(match.Groups["id"].Value), match.Groups["token"].Value, message);
    }

    [GeneratedRegex(@"/akun/atur-password\?id=(?<id>[^&\s]+)&token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    /// <summary>"Lupa Password" (its answer), then the work it handed off run to its end, as the app's runner would.</summary>
    private async Task<TimeSpan?> RequestResetAsync(string email, string client = "10.0.0.1")
    {
        var wait = await WithAsync(sp => Task.FromResult(sp.GetRequiredService<AccountPasswordService>().RequestReset(email, client)));
        await _app.Provider.GetRequiredService<BackgroundWork>().RunPendingAsync();
        return wait;
    }

    private Task<FormResult> SetPasswordAsync(string id, string token, string password, string? repeat = null) =>
        WithAsync(sp => sp.GetRequiredService<AccountPasswordService>().SetPasswordFromLinkAsync(id, token, password, repeat ?? password));

    private async Task<bool> PasswordWorksAsync(string email, string password) => await WithAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    });

    [Fact]
    public async Task A_new_account_has_no_password_until_its_owner_sets_one_through_the_activation_email()
    {
        var result = await CreateAsync(_admin, NewOperator(_mtsId));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));

        await using (var db = _app.Database.CreateContext())
        {
            var user = await db.Users.Include(u => u.Institution).SingleAsync(u => u.Email == "operator.baru@mtsn3sleman.sch.id");
            Assert.Null(user.PasswordHash);
            Assert.False(user.EmailConfirmed);
            Assert.Equal("MTs Negeri 3 Sleman", user.Institution!.Name);
            var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "accounts.created");
            Assert.Equal("Akun Operator / Staf Lembaga Rudi Hartono (operator.baru@mtsn3sleman.sch.id) dibuat untuk MTs Negeri 3 Sleman; email aktivasi dikirim.", entry.Summary);
            Assert.Equal(_mtsId, entry.InstitutionId);
        }
        var page = await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ListAsync(_admin, new UserQuery("Rudi")));
        var row = Assert.Single(page.Items);
        Assert.Equal(UserStatus.AwaitingActivation, row.Status);
        Assert.Equal("MTs Negeri 3 Sleman", row.Binding);

        var (id, token, message) = await LinkSentToAsync("operator.baru@mtsn3sleman.sch.id");
        Assert.Equal("Aktivasi Akun Madrasah", message.Subject);
        Assert.Contains("Aktifkan Akun", message.HtmlBody);
        var target = await WithAsync(sp => sp.GetRequiredService<AccountPasswordService>().ReadLinkAsync(id, token));
        Assert.NotNull(target);
        Assert.True(target.IsActivation);

        Assert.Equal("Password Baru belum memenuhi ketentuan: minimal 8 karakter dengan huruf besar, huruf kecil, angka dan simbol.",
            (await SetPasswordAsync(id, token, "pendek")).Errors[nameof(PasswordForm.Password)]);
        Assert.Equal("Ulangi Password tidak sama dengan Password Baru.",
            (await SetPasswordAsync(id, token, StrongPassword, StrongPassword + "x")).Errors[nameof(PasswordForm.RepeatPassword)]);
        Assert.Equal(PasswordRules.CommonPasswordMessage, (await SetPasswordAsync(id, token, "P@ssw0rd123!")).Errors[nameof(PasswordForm.Password)]);

        Assert.True((await SetPasswordAsync(id, token, StrongPassword)).Succeeded);
        Assert.True(await PasswordWorksAsync("operator.baru@mtsn3sleman.sch.id", StrongPassword));
        await using (var db = _app.Database.CreateContext())
            Assert.True((await db.Users.SingleAsync(u => u.Email == "operator.baru@mtsn3sleman.sch.id")).EmailConfirmed);

        // The link works once.
        Assert.Equal(AccountPasswordService.LinkInvalidMessage, (await SetPasswordAsync(id, token, "Lain#Sekali2026")).Errors[""]);
        Assert.Null(await WithAsync(sp => sp.GetRequiredService<AccountPasswordService>().ReadLinkAsync(id, token)));
        Assert.True(await PasswordWorksAsync("operator.baru@mtsn3sleman.sch.id", StrongPassword));
    }

    [Fact]
    public async Task A_resent_activation_replaces_the_earlier_link()
    {
        Assert.True((await CreateAsync(_admin, NewOperator(_mtsId))).Succeeded);
        var (id, first, _) = await LinkSentToAsync("operator.baru@mtsn3sleman.sch.id");

        Assert.Null(await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ResendActivationAsync(_admin, id)));
        var (_, second, _) = await LinkSentToAsync("operator.baru@mtsn3sleman.sch.id");
        Assert.NotEqual(first, second);

        Assert.Equal(AccountPasswordService.LinkInvalidMessage, (await SetPasswordAsync(id, first, StrongPassword)).Errors[""]);
        Assert.True((await SetPasswordAsync(id, second, StrongPassword)).Succeeded);
        Assert.Equal("Akun ini sudah aktif: pemiliknya dapat memakai “Lupa Password” bila lupa.",
            await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ResendActivationAsync(_admin, id)));
    }

    [Fact]
    public async Task Each_wrong_field_of_the_form_gets_its_own_message_and_nothing_is_created()
    {
        var result = await CreateAsync(_admin, new NewUser(" ", "bukan-email", null, null, null, "1234"));
        Assert.Equal("Nama Lengkap wajib diisi.", result.Errors[nameof(NewUser.FullName)]);
        Assert.Equal("Format Email tidak valid. Contoh: nama@contoh.sch.id", result.Errors[nameof(NewUser.Email)]);
        Assert.Equal("Peran wajib dipilih dari daftar.", result.Errors[nameof(NewUser.Role)]);
        Assert.Equal("NIK harus terdiri atas 16 digit angka.", result.Errors[nameof(NewUser.Nik)]);

        Assert.Equal("Email ini sudah dipakai akun lain.",
            (await CreateAsync(_admin, NewOperator(_mtsId, "OPERATOR@min1sleman.sch.id"))).Errors[nameof(NewUser.Email)]);
        Assert.Equal("NIK ini sudah dipakai akun lain.",
            (await CreateAsync(_admin, NewOperator(_mtsId) with { Nik = "3404071211750001" })).Errors[nameof(NewUser.Nik)]);
        Assert.Equal("Lembaga wajib dipilih untuk peran ini.",
            (await CreateAsync(_admin, NewOperator(_mtsId) with { InstitutionId = null })).Errors[nameof(NewUser.InstitutionId)]);
        Assert.Equal("Kabupaten/Kota wajib dipilih untuk Admin Kabupaten/Kota.",
            (await CreateAsync(_admin, NewOperator(_mtsId) with { Role = Roles.AdminKabKota })).Errors[nameof(NewUser.DistrictId)]);

        await using var db = _app.Database.CreateContext();
        Assert.Equal(9, await db.Users.CountAsync());
        Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
    }

    [Fact]
    public async Task A_district_admin_gives_operator_accounts_only_within_the_district_and_sees_only_its_accounts()
    {
        var options = await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().GetFormOptionsAsync(_district));
        Assert.Equal([Roles.Operator, Roles.PetugasKepegawaian], options.Roles);
        Assert.DoesNotContain(options.Institutions, i => i.Id == _outsideId);
        Assert.Empty(options.Districts);

        Assert.Equal("Lembaga wajib dipilih untuk peran ini.",
            (await CreateAsync(_district, NewOperator(_outsideId))).Errors[nameof(NewUser.InstitutionId)]);
        Assert.Equal("Peran wajib dipilih dari daftar.",
            (await CreateAsync(_district, NewOperator(_mtsId) with { Role = Roles.Admin })).Errors[nameof(NewUser.Role)]);
        Assert.True((await CreateAsync(_district, NewOperator(_mtsId))).Succeeded);

        var page = await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ListAsync(_district, new UserQuery()));
        Assert.DoesNotContain(page.Items, u => u.Email is "admin@madrasah.demo.id" or "helpdesk@madrasah.demo.id");
        Assert.Contains(page.Items, u => u.Email == "operator.baru@mtsn3sleman.sch.id" && u.Manageable);
        // The head and the district's own admin are listed but not the district admin's to change.
        Assert.False(Assert.Single(page.Items, u => u.Email == "kepala@min1sleman.sch.id").Manageable);
        Assert.False(Assert.Single(page.Items, u => u.Email == "admin@kemenagsleman.go.id").Manageable);
        var head = await WithAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("kepala@min1sleman.sch.id"))!.Id);
        Assert.Equal("Akun tidak ditemukan atau bukan wewenang Anda.",
            await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().SetActiveAsync(_district, head, false)));

        // Nobody else administers accounts.
        var operatorScope = new UserScope("x", "x", "x", Roles.Operator, _mtsId, null);
        Assert.Empty((await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ListAsync(operatorScope, new UserQuery()))).Items);
        Assert.Equal("Peran wajib dipilih dari daftar.", (await CreateAsync(operatorScope, NewOperator(_mtsId))).Errors[nameof(NewUser.Role)]);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_or_ask_for_a_link_until_activated_again()
    {
        var operatorId = await WithAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("operator@mtsn3sleman.sch.id"))!.Id);
        Assert.Null(await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().SetActiveAsync(_admin, operatorId, false)));

        // The owner (right password) is told the account is deactivated; a guess learns nothing more than "locked".
        await using (var scope = _app.CreateRequestScope())
            Assert.Equal(SignInOutcome.Deactivated,
                await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync("operator@mtsn3sleman.sch.id", DemoData.Password, false));
        await using (var scope = _app.CreateRequestScope())
            Assert.Equal(SignInOutcome.LockedOut,
                await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync("operator@mtsn3sleman.sch.id", "Tebakan#Salah99", false));
        Assert.Null(await RequestResetAsync("operator@mtsn3sleman.sch.id"));
        await using (var db = _app.Database.CreateContext())
            Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
        var row = (await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().ListAsync(_admin, new UserQuery("mtsn3")))).Items.Single();
        Assert.Equal(UserStatus.Deactivated, row.Status);

        Assert.Null(await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().SetActiveAsync(_admin, operatorId, true)));
        await using (var scope = _app.CreateRequestScope())
            Assert.Equal(SignInOutcome.Succeeded,
                await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync("operator@mtsn3sleman.sch.id", DemoData.Password, false));
        await using (var db = _app.Database.CreateContext())
            Assert.Equal(["accounts.activated", "accounts.deactivated"],
                await db.Set<AuditEntry>().Where(a => a.Action.StartsWith("accounts.")).OrderByDescending(a => a.Id).Select(a => a.Action).ToListAsync());

        // Nobody deactivates their own account.
        Assert.Equal("Akun tidak ditemukan atau bukan wewenang Anda.",
            await WithAsync(sp => sp.GetRequiredService<UserAdministrationService>().SetActiveAsync(_admin, _admin.UserId, false)));
    }

    [Fact]
    public async Task Lupa_Password_emails_a_link_that_sets_a_new_password_and_is_throttled_per_address()
    {
        var passwords = (Func<IServiceProvider, AccountPasswordService>)(sp => sp.GetRequiredService<AccountPasswordService>());
        Assert.Null(await RequestResetAsync("operator@mtsn3sleman.sch.id"));
        Assert.NotNull(await RequestResetAsync("OPERATOR@mtsn3sleman.sch.id")); // again at once
        Assert.Null(await RequestResetAsync("tidak.ada@contoh.id")); // same answer, nothing sent

        var (id, token, message) = await LinkSentToAsync("operator@mtsn3sleman.sch.id");
        Assert.Equal("Atur Ulang Password Akun Madrasah", message.Subject);
        Assert.False((await WithAsync(sp => passwords(sp).ReadLinkAsync(id, token)))!.IsActivation);
        Assert.True((await SetPasswordAsync(id, token, StrongPassword)).Succeeded);
        Assert.True(await PasswordWorksAsync("operator@mtsn3sleman.sch.id", StrongPassword));
        Assert.False(await PasswordWorksAsync("operator@mtsn3sleman.sch.id", DemoData.Password));

        await using var db = _app.Database.CreateContext();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(["accounts.password-reset", "accounts.password-link-sent"],
            await db.Set<AuditEntry>().Where(a => a.Action.StartsWith("accounts.")).OrderByDescending(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    /// <summary>
    /// "Lupa Password" tells nobody, by what it answers or by how long it takes, whether an address has an account: the
    /// answer reads nothing at all (not one database command), so it does the same work for an address with an account
    /// and one without, and hands each the same item of background work; only that work, after the answer, looks the
    /// address up and sends a link. (This replaced a comparison of answer times over HTTP: speed is for benchmarks.)
    /// </summary>
    [Fact]
    public async Task Lupa_Password_answers_an_address_with_an_account_with_the_same_work_as_one_without()
    {
        var work = _app.Provider.GetRequiredService<BackgroundWork>();
        string[] addresses = ["operator@mtsn3sleman.sch.id", "tidak.ada@contoh.id"];
        using (var commands = new DatabaseCommands(_app.Database))
        {
            foreach (var email in addresses)
            {
                var waiting = work.Pending;
                Assert.Null(await WithAsync(sp => Task.FromResult(sp.GetRequiredService<AccountPasswordService>().RequestReset(email, "10.0.0.1"))));
                Assert.Equal(waiting + 1, work.Pending);
            }
            Assert.Empty(commands.Seen);
        }
        await using (var db = _app.Database.CreateContext())
            Assert.Empty(await db.Set<OutboxMessage>().ToListAsync()); // nothing was sent before the answers

        // The counter does see commands (else a broken listener would pass the test): the handed-off work reads and writes.
        using (var commands = new DatabaseCommands(_app.Database))
        {
            Assert.Equal(2, await work.RunPendingAsync());
            Assert.NotEmpty(commands.Seen);
        }
        await using (var db = _app.Database.CreateContext())
            Assert.Equal(["operator@mtsn3sleman.sch.id"], await db.Set<OutboxMessage>().Select(m => m.To).ToListAsync());
    }

    [Fact]
    public async Task Ubah_Password_needs_the_current_password_and_a_strong_new_one()
    {
        async Task<FormResult> ChangeAsync(string current, string password, string repeat) => await WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("kepala@min1sleman.sch.id"))!;
            return await sp.GetRequiredService<AccountPasswordService>().ChangePasswordAsync(users, sp.GetRequiredService<MadrasahDbContext>(), user, current, password, repeat);
        });

        Assert.Equal("Password Saat Ini salah.", (await ChangeAsync("Salah#Sekali99", StrongPassword, StrongPassword)).Errors[nameof(ChangePasswordForm.CurrentPassword)]);
        Assert.Equal("Password Baru harus berbeda dari Password Saat Ini.",
            (await ChangeAsync(DemoData.Password, DemoData.Password, DemoData.Password)).Errors[nameof(PasswordForm.Password)]);
        Assert.Equal("Ulangi Password tidak sama dengan Password Baru.",
            (await ChangeAsync(DemoData.Password, StrongPassword, "Lain#2026ya")).Errors[nameof(PasswordForm.RepeatPassword)]);
        Assert.True((await ChangeAsync(DemoData.Password, StrongPassword, StrongPassword)).Succeeded);
        Assert.True(await PasswordWorksAsync("kepala@min1sleman.sch.id", StrongPassword));
    }

    [Fact]
    public async Task Guessing_the_current_Password_on_Ubah_Password_locks_the_account_and_ends_its_sessions()
    {
        const string email = "kepala@min1sleman.sch.id";
        async Task<FormResult> ChangeAsync(string current) => await WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            return await sp.GetRequiredService<AccountPasswordService>().ChangePasswordAsync(users, sp.GetRequiredService<MadrasahDbContext>(), user, current, StrongPassword, StrongPassword);
        });
        async Task<string?> StampAsync()
        {
            await using var db = _app.Database.CreateContext();
            return (await db.Users.SingleAsync(u => u.Email == email)).SecurityStamp;
        }

        var stamp = await StampAsync();
        for (var guess = 1; guess <= 4; guess++)
            Assert.Equal("Password Saat Ini salah.", (await ChangeAsync($"Tebakan#{guess}Salah")).Errors[nameof(ChangePasswordForm.CurrentPassword)]);
        Assert.Equal(stamp, await StampAsync()); // wrong guesses alone sign nobody out

        // The fifth wrong guess locks the account, as five wrong sign-ins do, and changes its stamp: every session ends.
        Assert.Equal(AccountPasswordService.LockedOutMessage, (await ChangeAsync("Tebakan#5Salah")).Errors[""]);
        Assert.NotEqual(stamp, await StampAsync());
        Assert.True(await WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
        }));

        // While locked, not even the right Password is looked at: guessing cannot go on.
        Assert.Equal(AccountPasswordService.LockedOutMessage, (await ChangeAsync(DemoData.Password)).Errors[""]);
        Assert.True(await PasswordWorksAsync(email, DemoData.Password));
        Assert.False(await PasswordWorksAsync(email, StrongPassword));
        await using var audit = _app.Database.CreateContext();
        Assert.Equal(1, await audit.Set<AuditEntry>().CountAsync(a => a.Action == "identity.locked-out"));
    }

    [Fact]
    public async Task A_name_of_invisible_characters_or_with_direction_overrides_and_an_overlong_email_are_refused()
    {
        var invisible = await CreateAsync(_admin, NewOperator(_mtsId) with { FullName = "\u200B\u00A0\u2060" });
        Assert.Equal("Nama Lengkap harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.",
            invisible.Errors[nameof(NewUser.FullName)]);
        var reversed = await CreateAsync(_admin, NewOperator(_mtsId) with { FullName = "Rudi\u202E onotraH" });
        Assert.Equal("Nama Lengkap tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).",
            reversed.Errors[nameof(NewUser.FullName)]);
        var overlong = await CreateAsync(_admin, NewOperator(_mtsId, new string('a', 250) + "@contoh.sch.id"));
        Assert.Equal("Email paling banyak 254 karakter.", overlong.Errors[nameof(NewUser.Email)]);
        Assert.Equal("Nama Lengkap paling banyak 200 karakter.",
            (await CreateAsync(_admin, NewOperator(_mtsId) with { FullName = new string('R', 201) })).Errors[nameof(NewUser.FullName)]);

        await using var db = _app.Database.CreateContext();
        Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused_wherever_one_is_set()
    {
        var tooLong = StrongPassword + new string('x', 129 - StrongPassword.Length);
        var longest = tooLong[..128];

        // Through an emailed link (activation, "Lupa Password").
        Assert.True((await CreateAsync(_admin, NewOperator(_mtsId))).Succeeded);
        var (id, token, _) = await LinkSentToAsync("operator.baru@mtsn3sleman.sch.id");
        Assert.Equal("Password Baru paling banyak 128 karakter.", (await SetPasswordAsync(id, token, tooLong)).Errors[nameof(PasswordForm.Password)]);
        Assert.True((await SetPasswordAsync(id, token, longest)).Succeeded);

        // "Ubah Password": the new one and the current one.
        async Task<FormResult> ChangeAsync(string current, string password) => await WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync("operator.baru@mtsn3sleman.sch.id"))!;
            return await sp.GetRequiredService<AccountPasswordService>().ChangePasswordAsync(users, sp.GetRequiredService<MadrasahDbContext>(), user, current, password, password);
        });
        Assert.Equal("Password Baru paling banyak 128 karakter.", (await ChangeAsync(longest, tooLong)).Errors[nameof(PasswordForm.Password)]);
        Assert.Equal("Password Saat Ini paling banyak 128 karakter.", (await ChangeAsync(tooLong, StrongPassword)).Errors[nameof(ChangePasswordForm.CurrentPassword)]);
        Assert.True(await PasswordWorksAsync("operator.baru@mtsn3sleman.sch.id", longest));

        // Identity itself, for any other way a password is set.
        var created = await WithAsync(async sp => await sp.GetRequiredService<UserManager<ApplicationUser>>()
            .CreateAsync(new ApplicationUser { UserName = "uji@contoh.sch.id", Email = "uji@contoh.sch.id", FullName = "Uji" }, tooLong));
        Assert.Equal("Password paling banyak 128 karakter.", Assert.Single(created.Errors).Description);
    }
}
