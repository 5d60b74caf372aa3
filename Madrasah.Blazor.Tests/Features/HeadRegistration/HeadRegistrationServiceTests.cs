using System.Text.RegularExpressions;
using Madrasah.Blazor.Features.SignIn;
using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.HeadRegistration;
using Madrasah.Blazor.Infrastructure;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Hosting;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Features.HeadRegistration;

/// <summary>Every decision of the head's registration, on the demo data (MTs Negeri 3 Sleman has no head account).</summary>
public sealed class HeadRegistrationServiceTests : IAsyncLifetime
{
    private const string HeadNik = "3404015508780002";
    private const string OtherNik = "3404071211750001"; // MIN 1 Sleman's head: registered already
    private const string StrongPassword = "Sleman#Kamad2026";
    private const string HeadEmail = "siti.rahmawati@contoh.sch.id";

    private readonly ManualClock _clock = new();
    private AppServices _app;
    private UserScope _operator = UserScope.Anonymous;

    public HeadRegistrationServiceTests() => _app = CreateApp();

    private AppServices CreateApp(Dictionary<string, string?>? settings = null) =>
        new((services, configuration) =>
        {
            services.AddEmail(configuration);
            services.AddHeadRegistration(configuration);
            services.AddSignIn();
            services.AddSingleton<TimeProvider>(_clock);
        }, settings);

    /// <summary>Starts over on a fresh database with these settings (as appsettings.json or the environment give them).</summary>
    private async Task UseSettingsAsync(Dictionary<string, string?> settings)
    {
        await _app.DisposeAsync();
        _app = CreateApp(settings);
        await InitializeAsync();
    }

    public async ValueTask InitializeAsync()
    {
        await _app.SeedDemoDataAsync();
        await using var db = _app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "operator@mtsn3sleman.sch.id");
        _operator = new UserScope(user.Id, user.Email!, user.FullName, Roles.Operator, user.InstitutionId, null);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.CreateRequestScope();
        return await action(scope.ServiceProvider);
    }

    private Task<RegistrationCodeState?> GenerateAsync() => WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().GenerateAsync(_operator));

    private Task<RegistrationStart> StartAsync(string nik, string code, string client = "10.0.0.1") =>
        WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().StartAsync(nik, code, client));

    private Task<RegistrationResult> RegisterAsync(string? ticket, string email = HeadEmail, string password = StrongPassword, string? repeat = null) =>
        WithAsync(sp => sp.GetRequiredService<HeadAccountService>().RegisterAsync(ticket, email, password, repeat ?? password));

    /// <summary>
    /// "Kirim ulang verifikasi" (its answer), then the work it handed off run to its end, as the app's runner would:
    /// <c>Sent</c> tells whether a new verification email was queued.
    /// </summary>
    private async Task<(bool Sent, TimeSpan? RetryAfter, string? ThrottleMessage)> ResendAsync(string email, string client = "10.0.0.1")
    {
        var before = await OutboxCountAsync();
        var result = await WithAsync(sp => Task.FromResult(sp.GetRequiredService<HeadAccountService>().Resend(email, client)));
        await _app.Provider.GetRequiredService<BackgroundWork>().RunPendingAsync();
        return (await OutboxCountAsync() > before, result.RetryAfter, result.ThrottleMessage);
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Set<OutboxMessage>().CountAsync();
    }

    private Task<VerificationResult> VerifyAsync(string token) => WithAsync(sp => sp.GetRequiredService<HeadAccountService>().VerifyAsync(token));

    private Task<SignInOutcome> SignInAsync(string email, string password) =>
        WithAsync(sp => sp.GetRequiredService<SignInService>().PasswordSignInAsync(email, password, rememberMe: false));

    /// <summary>What the sign-in form does with "Email atau NIK" and "Password".</summary>
    private Task<LoginResult> LoginAsync(string userName, string password, string client = "10.0.0.1") =>
        WithAsync(sp => sp.GetRequiredService<LoginService>().SignInAsync(userName, password, false, null, client));

    /// <summary>All a visitor sees of a sign-in answer: where it goes, the message, its link and hints.</summary>
    private static string Seen(LoginResult result) =>
        $"{result.RedirectTo}|{result.Message?.Text}|{result.Message?.LinkHref}|{string.Join("/", result.Message?.Hints ?? [])}";

    private Task<HeadRegistrationContext?> ReadTicketAsync(string? ticket) =>
        WithAsync(sp => sp.GetRequiredService<HeadAccountService>().ReadTicketAsync(ticket));

    /// <summary>Code generated, NIK + code accepted, account created: the registered head's email.</summary>
    private async Task<string> RegisterHeadAsync()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code);
        Assert.Equal(RegistrationStartStatus.Accepted, start.Status);
        var result = await RegisterAsync(start.Ticket);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors ?? []));
        return result.Email!;
    }

    private async Task<List<OutboxMessage>> MailsToAsync(string email)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Set<OutboxMessage>().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync();
    }

    private static string TokenOf(OutboxMessage message) =>
        Regex.Match(message.TextBody, @"verifikasi-email\?token=([A-Za-z0-9_\-]+)").Groups[1].Value;

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Set<AuditEntry>().Where(a => a.Action.StartsWith("head-registration.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public void Codes_are_letters_and_digits_without_look_alike_characters()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => RegistrationCodeService.NewCode()).ToList();
        Assert.All(codes, code =>
        {
            Assert.Equal(RegistrationCodeService.CodeLength, code.Length);
            Assert.Matches("^[A-HJKMNP-Z2-9]+$", code);
            Assert.Contains(code, char.IsAsciiLetter);
            Assert.Contains(code, char.IsAsciiDigit);
        });
        Assert.True(codes.Distinct().Count() > 495);
        Assert.Equal("AB23CD45EF", RegistrationCodeService.NormalizeCode(" ab23-cd45 ef "));
    }

    [Fact]
    public async Task Operator_generates_a_code_valid_for_seven_days_and_it_is_audited()
    {
        var state = await WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().GetStateAsync(_operator));
        Assert.Null(state!.Code);
        Assert.False(state.HeadNikMissing);

        state = await GenerateAsync();
        Assert.True(state!.HasUsableCode);
        Assert.Equal(_clock.UtcNow.AddDays(7), state.ExpiresUtc);
        Assert.Equal(["head-registration.code-generated"], await AuditActionsAsync());

        // Only an operator, only their own institution.
        var head = _operator with { Role = Roles.KepalaMadrasah };
        Assert.Null(await WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().GenerateAsync(head)));
    }

    [Fact]
    public async Task Right_NIK_and_code_open_the_Informasi_User_step_even_typed_in_lower_case()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code.ToLowerInvariant());
        Assert.Equal(RegistrationStartStatus.Accepted, start.Status);

        var context = await ReadTicketAsync(start.Ticket);
        Assert.Equal("MTs Negeri 3 Sleman", context!.InstitutionName);
        Assert.Equal("Hj. Siti Rahmawati, S.Ag., M.Pd.", context.HeadName);
        Assert.Contains("head-registration.code-used", await AuditActionsAsync());

        Assert.Null(await ReadTicketAsync(start.Ticket + "x"));
        Assert.Null(await ReadTicketAsync("bukan-tiket"));
    }

    [Fact]
    public async Task Wrong_NIK_and_wrong_code_get_the_same_answer()
    {
        var code = (await GenerateAsync())!.Code!;
        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync("3404015508780009", code)).Status);
        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(HeadNik, "ABCDE23456")).Status);
        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(HeadNik, "")).Status);
        // The right code of another institution does not open this head's registration either.
        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(OtherNik, code)).Status);
    }

    [Fact]
    public async Task A_new_code_makes_the_old_one_stop_working()
    {
        var old = (await GenerateAsync())!.Code!;
        var oldStart = await StartAsync(HeadNik, old);
        var fresh = (await GenerateAsync())!.Code!;
        Assert.NotEqual(old, fresh);

        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(HeadNik, old)).Status);
        // A ticket obtained with the old code is dead as well.
        Assert.Equal(HeadAccountService.TicketInvalidMessage, Assert.Single((await RegisterAsync(oldStart.Ticket)).Errors!));
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync(HeadNik, fresh)).Status);
    }

    [Fact]
    public async Task An_expired_code_is_refused_with_its_own_remedy()
    {
        var code = (await GenerateAsync())!.Code!;
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(RegistrationStartStatus.CodeExpired, (await StartAsync(HeadNik, code)).Status);
        var state = await WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().GetStateAsync(_operator));
        Assert.True(state!.IsExpired);
        Assert.False(state.HasUsableCode);
    }

    [Fact]
    public async Task A_used_code_and_its_ticket_are_refused()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code);
        Assert.True((await RegisterAsync(start.Ticket)).Succeeded);

        Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(HeadNik, code)).Status);
        Assert.False((await RegisterAsync(start.Ticket, email: "lain@contoh.sch.id")).Succeeded);

        // The operator now sees the head's account instead of a code, and cannot make a new one.
        var state = await GenerateAsync();
        Assert.True(state!.HeadRegistered);
        Assert.Null(state.Code);
        Assert.Equal(HeadEmail, state.HeadAccountEmail);
    }

    [Fact]
    public async Task An_institution_without_head_NIK_tells_the_head_to_ask_the_operator()
    {
        await using (var db = _app.Database.CreateContext())
            await db.Institutions.Where(i => i.Id == _operator.InstitutionId).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeadNik, (string?)null));
        var state = await GenerateAsync();
        Assert.True(state!.HeadNikMissing);
        Assert.Equal(RegistrationStartStatus.HeadNikMissing, (await StartAsync(HeadNik, state.Code!)).Status);
    }

    [Fact]
    public async Task Wrong_tries_are_limited_per_NIK_and_per_client()
    {
        var code = (await GenerateAsync())!.Code!;
        for (var i = 0; i < 5; i++)
            Assert.Equal(RegistrationStartStatus.WrongPair, (await StartAsync(HeadNik, "SALAH2345" + i, client: $"10.0.1.{i}")).Status);
        // Five wrong codes for this NIK (from five addresses): even the right code waits now.
        var limited = await StartAsync(HeadNik, code, client: "10.0.2.1");
        Assert.Equal(RegistrationStartStatus.RateLimited, limited.Status);
        Assert.InRange(limited.RetryAfter!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync(HeadNik, code, client: "10.0.2.1")).Status);

        // One address trying many NIKs: 20 wrong tries, then that address waits, others do not.
        for (var i = 0; i < 20; i++)
            await StartAsync($"34040155087{80010 + i}", code, client: "10.0.3.1");
        Assert.Equal(RegistrationStartStatus.RateLimited, (await StartAsync(HeadNik, code, client: "10.0.3.1")).Status);
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync(HeadNik, code, client: "10.0.3.2")).Status);
    }

    [Fact]
    public async Task Parallel_wrong_tries_cannot_slip_past_the_limit()
    {
        await GenerateAsync();
        var tries = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => StartAsync(HeadNik, $"SALAH{i:D5}"))));
        Assert.Equal(5, tries.Count(t => t.Status == RegistrationStartStatus.WrongPair));
        Assert.Equal(15, tries.Count(t => t.Status == RegistrationStartStatus.RateLimited));
    }

    [Fact]
    public async Task Right_pairs_that_open_nothing_do_not_count_as_wrong_tries()
    {
        var code = (await GenerateAsync())!.Code!;
        _clock.Advance(TimeSpan.FromDays(8));
        for (var i = 0; i < 6; i++)
            Assert.Equal(RegistrationStartStatus.CodeExpired, (await StartAsync(HeadNik, code)).Status);
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync(HeadNik, (await GenerateAsync())!.Code!)).Status);
    }

    [Fact]
    public async Task The_Informasi_User_step_may_take_sixty_minutes_and_no_longer()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code);
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await ReadTicketAsync(start.Ticket));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await ReadTicketAsync(start.Ticket));
        Assert.Equal(HeadAccountService.TicketInvalidMessage, Assert.Single((await RegisterAsync(start.Ticket)).Errors!));

        // The code itself still works: signing in again with it gives a new ticket.
        Assert.True((await RegisterAsync((await StartAsync(HeadNik, code)).Ticket)).Succeeded);
    }

    [Fact]
    public async Task The_ticket_lifetime_comes_from_configuration()
    {
        await UseSettingsAsync(new() { ["HeadRegistration:TicketMinutes"] = "5" });
        var start = await StartAsync(HeadNik, (await GenerateAsync())!.Code!);
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(await ReadTicketAsync(start.Ticket));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await ReadTicketAsync(start.Ticket));
    }

    [Fact]
    public async Task A_ticket_works_only_while_its_NIK_is_the_institutions_head_NIK()
    {
        var start = await StartAsync(HeadNik, (await GenerateAsync())!.Code!);
        // Meanwhile an approved change records another head (and keeps the code).
        await using (var db = _app.Database.CreateContext())
            await db.Institutions.Where(i => i.Id == _operator.InstitutionId).ExecuteUpdateAsync(s => s.SetProperty(i => i.HeadNik, "3404015508780010"));

        Assert.Null(await ReadTicketAsync(start.Ticket));
        Assert.Equal(HeadAccountService.TicketInvalidMessage, Assert.Single((await RegisterAsync(start.Ticket)).Errors!));
        await using var check = _app.Database.CreateContext();
        Assert.False(await check.Users.AnyAsync(u => u.Email == HeadEmail));
    }

    [Fact]
    public async Task NIK_and_the_right_code_put_the_ticket_in_a_cookie_for_the_next_step_not_in_the_URL()
    {
        var code = (await GenerateAsync())!.Code!;
        await using var scope = _app.CreateRequestScope();
        var result = await scope.ServiceProvider.GetRequiredService<LoginService>().SignInAsync(HeadNik, code, false, null, "10.0.0.1");

        Assert.Equal(HeadAccountService.WizardPath, result.RedirectTo);
        var cookie = Assert.Single(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext!.Response.Headers.SetCookie.ToArray());
        var parsed = Microsoft.Net.Http.Headers.SetCookieHeaderValue.Parse(cookie);
        Assert.Equal(RegistrationTicketCookie.Name, parsed.Name.Value);
        Assert.True(parsed.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, parsed.SameSite);
        Assert.Equal("/registrasi-kepala", parsed.Path.Value);
        Assert.Null(parsed.Expires); // a session cookie
        Assert.Null(parsed.MaxAge);
        Assert.False(parsed.Secure); // plain HTTP here; Secure on HTTPS
        Assert.Equal("MTs Negeri 3 Sleman", (await ReadTicketAsync(Uri.UnescapeDataString(parsed.Value.Value!)))!.InstitutionName);
    }

    [Fact]
    public async Task A_registered_head_signs_in_again_with_NIK_and_Password_and_the_old_code_gets_the_hint()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code);
        var email = (await RegisterAsync(start.Ticket)).Email!;

        // Before verification: the same "not verified" message as with the email, with the link for this head's email.
        var unverified = (await LoginAsync("3404 0155 0878 0002", StrongPassword)).Message!;
        Assert.Contains("belum diverifikasi", unverified.Text);
        Assert.Equal($"{HeadAccountService.ResendPath}?email={Uri.EscapeDataString(email)}", unverified.LinkHref);

        await VerifyAsync(TokenOf(Assert.Single(await MailsToAsync(email))));
        for (var i = 0; i < 2; i++)
            Assert.Equal("/", (await LoginAsync("3404 0155 0878 0002", StrongPassword)).RedirectTo);

        // The used code: the seed's message, now with the way a registered head signs in; the same text as for a NIK without account.
        var old = (await LoginAsync(HeadNik, code)).Message!;
        Assert.Equal(LoginService.WrongPairText, old.Text);
        Assert.Contains(old.Hints!, h => h.Contains("sudah punya akun masuk dengan email (atau NIK) dan Password yang dibuat saat registrasi"));
        Assert.Equal(old, (await LoginAsync("3404015508780009", code)).Message);
    }

    [Fact]
    public async Task Wrong_passwords_with_a_registered_NIK_answer_as_for_any_NIK_and_still_lock_the_account()
    {
        var email = await RegisterHeadAsync();
        await VerifyAsync(TokenOf(Assert.Single(await MailsToAsync(email))));
        // Five wrong tries: each answered as a wrong code for a NIK without an account would be (no lockout page).
        for (var i = 0; i < 5; i++)
        {
            var result = await LoginAsync(HeadNik, "SALAH23456");
            Assert.Null(result.RedirectTo);
            Assert.StartsWith(LoginService.WrongPairText, result.Message!.Text);
        }
        // Then the NIK's limit, told as for every NIK, even for the right password.
        Assert.StartsWith("Terlalu banyak percobaan", (await LoginAsync(HeadNik, StrongPassword)).Message!.Text);
        // The account itself is locked as well: its email does not sign in either.
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync(email, StrongPassword));
    }

    [Fact]
    public async Task Wrong_passwords_lock_an_unverified_head_and_then_even_the_right_one_is_refused()
    {
        var email = await RegisterHeadAsync();
        Assert.Equal(SignInOutcome.EmailNotConfirmed, await SignInAsync(email, StrongPassword));
        for (var i = 0; i < 4; i++)
            Assert.Equal(SignInOutcome.Failed, await SignInAsync(email, "Salah#Sandi123"));
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync(email, "Salah#Sandi123"));
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync(email, StrongPassword));
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync(email, "Salah#Sandi123"));
    }

    [Theory]
    [InlineData("", "Email wajib diisi.")]
    [InlineData("bukan-email", "Format Email tidak valid")]
    [InlineData("nama@contoh", "Format Email tidak valid")]
    [InlineData("kepala@min1sleman.sch.id", "sudah digunakan")]
    [InlineData("KEPALA@MIN1SLEMAN.SCH.ID", "sudah digunakan")]
    [InlineData(HeadEmail, null)]
    public async Task Email_must_be_a_valid_address_not_used_by_any_account(string email, string? expected)
    {
        var message = await WithAsync(sp => sp.GetRequiredService<HeadAccountService>().CheckEmailAsync(email));
        if (expected is null) Assert.Null(message);
        else Assert.Contains(expected, message);
    }

    [Fact]
    public async Task An_email_already_used_is_refused_on_submit_and_the_code_stays_valid()
    {
        var code = (await GenerateAsync())!.Code!;
        var start = await StartAsync(HeadNik, code);
        var result = await RegisterAsync(start.Ticket, email: "operator@mtsn3sleman.sch.id");
        Assert.False(result.Succeeded);
        Assert.Contains("sudah digunakan", Assert.Single(result.Errors!));
        Assert.True((await RegisterAsync(start.Ticket)).Succeeded);
    }

    [Fact]
    public void Selanjutnya_needs_a_strong_password_repeated_exactly()
    {
        var weak = PasswordEntry.Evaluate("sleman", "sleman");
        Assert.False(weak.CanContinue);
        Assert.Equal(["length", "upper", "digit", "symbol"], weak.Rules.Where(r => !r.Met).Select(r => r.Key));
        Assert.Equal("Password belum memenuhi ketentuan.", weak.StrengthMessage);

        var mismatched = PasswordEntry.Evaluate(StrongPassword, StrongPassword + "x");
        Assert.True(mismatched.IsStrong);
        Assert.False(mismatched.CanContinue);
        Assert.Equal("Ulangi Password tidak sama dengan Password.", mismatched.RepeatMessage);
        Assert.Null(PasswordEntry.Evaluate(StrongPassword, "").RepeatMessage);

        var common = PasswordEntry.Evaluate("P@ssw0rd123!", "P@ssw0rd123!");
        Assert.True(common.RulesMet);
        Assert.False(common.CanContinue);
        Assert.Equal(PasswordRules.CommonPasswordMessage, common.StrengthMessage);

        var strong = PasswordEntry.Evaluate(StrongPassword, StrongPassword);
        Assert.True(strong.CanContinue);
        Assert.Equal("Password Strong", strong.StrengthMessage);
    }

    [Theory]
    [InlineData("P@ssw0rd123!", "P@ssw0rd123!", "terlalu umum")]
    [InlineData(StrongPassword, "Sleman#Kamad2025", "tidak sama")]
    [InlineData("lemah", "lemah", "belum memenuhi")]
    public async Task Weak_common_or_mismatched_passwords_are_refused_on_submit(string password, string repeat, string expected)
    {
        var start = await StartAsync(HeadNik, (await GenerateAsync())!.Code!);
        var result = await RegisterAsync(start.Ticket, password: password, repeat: repeat);
        Assert.False(result.Succeeded);
        Assert.Contains(expected, Assert.Single(result.Errors!));
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == HeadEmail));
    }

    [Fact]
    public async Task Ya_creates_an_unverified_head_bound_to_the_institution_and_sends_the_verification_email()
    {
        var email = await RegisterHeadAsync();

        await using (var db = _app.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.False(user.EmailConfirmed);
            Assert.Equal(HeadNik, user.Nik);
            Assert.Equal("Hj. Siti Rahmawati, S.Ag., M.Pd.", user.FullName);
            Assert.Equal(_operator.InstitutionId, user.InstitutionId);
            var institution = await db.Institutions.SingleAsync(i => i.Id == _operator.InstitutionId);
            Assert.Null(institution.RegistrationCodeHash);
        }
        await using (var scope = _app.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.Equal([Roles.KepalaMadrasah], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
        }

        var mail = Assert.Single(await MailsToAsync(email));
        Assert.Equal("Verifikasi Email Akun Kepala Madrasah MTs Negeri 3 Sleman", mail.Subject);
        Assert.Contains("Verifikasi Email Sekarang", mail.HtmlBody);
        var link = $"{PublicLinks.DefaultBaseUrl}/registrasi-kepala/verifikasi-email?token={TokenOf(mail)}";
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.Contains($">{link}</a>", mail.HtmlBody); // the same link as plain text
        Assert.Equal(["head-registration.code-generated", "head-registration.code-used", "head-registration.account-created"], await AuditActionsAsync());
    }

    [Fact]
    public async Task Before_verification_sign_in_is_refused_after_it_the_head_signs_in_again_and_again()
    {
        var email = await RegisterHeadAsync();
        Assert.Equal(SignInOutcome.EmailNotConfirmed, await SignInAsync(email, StrongPassword));

        var verified = await VerifyAsync(TokenOf(Assert.Single(await MailsToAsync(email))));
        Assert.Equal(VerificationStatus.Verified, verified.Status);
        Assert.Contains("head-registration.email-verified", await AuditActionsAsync());

        for (var i = 0; i < 3; i++)
            Assert.Equal(SignInOutcome.Succeeded, await SignInAsync(email, StrongPassword));
    }

    [Fact]
    public async Task A_mistyped_unverified_registration_is_cancelled_by_the_operator_and_the_head_registers_again()
    {
        var wrongEmail = await RegisterHeadAsync();
        var codes = (Func<IServiceProvider, RegistrationCodeService>)(sp => sp.GetRequiredService<RegistrationCodeService>());
        Assert.True((await WithAsync(sp => codes(sp).GetStateAsync(_operator)))!.HeadRegistered);

        var state = await WithAsync(sp => codes(sp).CancelUnverifiedHeadAsync(_operator));

        Assert.False(state!.HeadRegistered);
        Assert.Contains("head-registration.cancelled", await AuditActionsAsync());
        Assert.Equal(SignInOutcome.Failed, await SignInAsync(wrongEmail, StrongPassword));
        var code = (await GenerateAsync())!.Code!;
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync(HeadNik, code)).Status);
    }

    [Fact]
    public async Task A_verified_head_account_cannot_be_cancelled()
    {
        var email = await RegisterHeadAsync();
        await VerifyAsync(TokenOf(Assert.Single(await MailsToAsync(email))));
        var state = await WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().CancelUnverifiedHeadAsync(_operator));
        Assert.True(state!.HeadRegistered);
        Assert.Equal(SignInOutcome.Succeeded, await SignInAsync(email, StrongPassword));
    }

    [Fact]
    public async Task A_verification_link_works_once()
    {
        var email = await RegisterHeadAsync();
        var token = TokenOf(Assert.Single(await MailsToAsync(email)));
        Assert.Equal(VerificationStatus.Verified, (await VerifyAsync(token)).Status);
        Assert.Equal(VerificationStatus.AlreadyUsed, (await VerifyAsync(token)).Status);
        Assert.Equal(VerificationStatus.Invalid, (await VerifyAsync(token[..^2])).Status);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_a_new_link_replaces_it()
    {
        var email = await RegisterHeadAsync();
        var first = TokenOf(Assert.Single(await MailsToAsync(email)));
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.Equal(VerificationStatus.Expired, (await VerifyAsync(first)).Status);
        Assert.Equal(SignInOutcome.EmailNotConfirmed, await SignInAsync(email, StrongPassword));

        Assert.True((await ResendAsync(email.ToUpperInvariant())).Sent);
        var mails = await MailsToAsync(email);
        Assert.Equal(2, mails.Count);
        var second = TokenOf(mails[1]);
        Assert.NotEqual(first, second);
        Assert.Equal(VerificationStatus.Verified, (await VerifyAsync(second)).Status);
        Assert.Equal(SignInOutcome.Succeeded, await SignInAsync(email, StrongPassword));
    }

    [Fact]
    public async Task A_new_link_makes_the_older_unused_one_stop_working()
    {
        var email = await RegisterHeadAsync();
        var first = TokenOf(Assert.Single(await MailsToAsync(email)));
        Assert.True((await ResendAsync(email)).Sent);
        Assert.Equal(VerificationStatus.Expired, (await VerifyAsync(first)).Status);
    }

    [Fact]
    public async Task A_new_link_that_cannot_be_saved_leaves_the_old_link_working()
    {
        var email = await RegisterHeadAsync();
        var first = TokenOf(Assert.Single(await MailsToAsync(email)));
        await using (_app.Database.RefuseInserts("OutboxMessages"))
            await Assert.ThrowsAsync<DbUpdateException>(() => ResendAsync(email));

        Assert.Equal(VerificationStatus.Verified, (await VerifyAsync(first)).Status);
    }

    [Fact]
    public async Task New_links_are_only_sent_to_unverified_head_accounts()
    {
        Assert.False((await ResendAsync("tidak.ada@contoh.sch.id")).Sent);
        Assert.False((await ResendAsync("kepala@min1sleman.sch.id")).Sent); // verified already
        Assert.False((await ResendAsync("operator@mtsn3sleman.sch.id")).Sent); // not a head
        Assert.Empty(await MailsToAsync("kepala@min1sleman.sch.id"));
    }

    [Fact]
    public async Task New_links_are_throttled_per_address_one_a_minute_and_five_an_hour()
    {
        var email = await RegisterHeadAsync();
        Assert.True((await ResendAsync(email)).Sent);

        var tooSoon = await ResendAsync(email.ToUpperInvariant());
        Assert.False(tooSoon.Sent);
        Assert.InRange(tooSoon.RetryAfter!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60));
        Assert.Contains("60 detik", tooSoon.ThrottleMessage);
        Assert.Equal(2, (await MailsToAsync(email)).Count); // the registration's and one new link

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(61));
            Assert.True((await ResendAsync(email)).Sent, $"request {i + 2} of the hour");
        }
        _clock.Advance(TimeSpan.FromSeconds(61));
        var sixth = await ResendAsync(email);
        Assert.False(sixth.Sent);
        Assert.Contains("menit", sixth.ThrottleMessage);
        Assert.Equal(6, (await MailsToAsync(email)).Count);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await ResendAsync(email)).Sent);

        // Addresses without an account are throttled alike: the answer tells nothing about accounts.
        Assert.Null((await ResendAsync("tidak.ada@contoh.sch.id")).RetryAfter);
        Assert.NotNull((await ResendAsync("tidak.ada@contoh.sch.id")).RetryAfter);
    }

    [Fact]
    public async Task The_throttle_of_new_links_comes_from_configuration()
    {
        await UseSettingsAsync(new() { ["HeadRegistration:ResendIntervalSeconds"] = "0", ["HeadRegistration:ResendMaxPerHour"] = "2" });
        var email = await RegisterHeadAsync();
        Assert.True((await ResendAsync(email)).Sent);
        Assert.True((await ResendAsync(email)).Sent);
        Assert.False((await ResendAsync(email)).Sent);
    }

    [Fact]
    public async Task Code_and_link_lifetimes_come_from_configuration()
    {
        await UseSettingsAsync(new() { ["HeadRegistration:CodeValidDays"] = "3", ["HeadRegistration:VerificationLinkHours"] = "2" });

        var state = await GenerateAsync();
        Assert.Equal(_clock.UtcNow.AddDays(3), state!.ExpiresUtc);
        _clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(RegistrationStartStatus.CodeExpired, (await StartAsync(HeadNik, state.Code!)).Status);

        var email = await RegisterHeadAsync();
        var token = TokenOf(Assert.Single(await MailsToAsync(email)));
        await using (var db = _app.Database.CreateContext())
            Assert.Equal(_clock.UtcNow.AddHours(2), (await db.Set<EmailVerificationToken>().SingleAsync()).ExpiresUtc);
        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(VerificationStatus.Expired, (await VerifyAsync(token)).Status);
    }

    [Theory]
    [InlineData("3404 0155 0878 0002", "3404015508780002")]
    [InlineData(" 3404-0155-0878-0002 ", "3404015508780002")]
    [InlineData("340401550878", "340401550878")]
    [InlineData("kepala@min1sleman.sch.id", null)]
    [InlineData("3404015508780002a", null)]
    [InlineData("", null)]
    public void A_NIK_is_read_with_spaces_and_dashes_removed(string typed, string? expected) =>
        Assert.Equal(expected, RegistrationCodeService.ReadNik(typed));

    [Fact]
    public async Task A_NIK_typed_with_spaces_is_accepted_and_a_malformed_one_is_told_its_format()
    {
        var code = (await GenerateAsync())!.Code!;
        Assert.Equal(RegistrationStartStatus.Accepted, (await StartAsync("3404 0155 0878 0002", code)).Status);

        var shortNik = await StartAsync("340401550878000", code);
        Assert.Equal(RegistrationStartStatus.InvalidNik, shortNik.Status);
        Assert.Equal("NIK Kepala Madrasah harus terdiri atas 16 digit angka. Yang terisi 15 digit.", shortNik.NikError);

        var badDate = await StartAsync("3404019908780002", code); // day 99 - 40 = 59
        Assert.Equal(RegistrationStartStatus.InvalidNik, badDate.Status);
        Assert.Contains("tanggal lahir", badDate.NikError);
    }

    [Fact]
    public async Task Every_head_NIK_of_the_demo_data_is_a_valid_NIK()
    {
        await using var db = _app.Database.CreateContext();
        var niks = await db.Institutions.Where(i => i.HeadNik != null).Select(i => i.HeadNik!).ToListAsync();
        Assert.Equal(3, niks.Count);
        Assert.All(niks, nik => Assert.Null(Madrasah.Blazor.Infrastructure.Validation.Identifiers.CheckNik(nik)));
        Assert.All(await db.Staff.Select(s => s.Nik).ToListAsync(), nik => Assert.Null(Madrasah.Blazor.Infrastructure.Validation.Identifiers.CheckNik(nik)));
    }

    [Fact]
    public async Task A_NIK_with_an_account_and_one_without_get_the_same_answers_before_and_after_the_NIK_limit()
    {
        const string UnknownNik = "3404015508780009"; // a valid NIK nobody has
        for (var i = 0; i < 7; i++)
        {
            // Each try from another address: only the NIK's own limit (five wrong tries) applies.
            var withAccount = await LoginAsync(OtherNik, "Salah#Sandi123", client: $"10.1.0.{i}");
            var without = await LoginAsync(UnknownNik, "Salah#Sandi123", client: $"10.2.0.{i}");
            Assert.Equal(Seen(without), Seen(withAccount));
            Assert.StartsWith(i < 5 ? LoginService.WrongPairText : "Terlalu banyak percobaan", withAccount.Message!.Text);
        }
    }

    [Fact]
    public async Task A_NIK_with_an_account_and_one_without_get_the_same_answer_after_the_client_limit()
    {
        // One address tries twenty NIKs (the per-client limit), then the NIK of a registered head and an unknown one.
        for (var i = 0; i < 20; i++)
            Assert.StartsWith(LoginService.WrongPairText, (await LoginAsync($"34040155087{80010 + i}", "ABCDE23456", client: "10.3.0.1")).Message!.Text);

        var withAccount = await LoginAsync(OtherNik, "Salah#Sandi123", client: "10.3.0.1");
        var without = await LoginAsync("3404015508780009", "Salah#Sandi123", client: "10.3.0.1");
        Assert.Equal(Seen(without), Seen(withAccount));
        Assert.StartsWith("Terlalu banyak percobaan", withAccount.Message!.Text);
        // Even the account's right password waits: the limit comes before any account is looked at.
        Assert.Equal(Seen(without), Seen(await LoginAsync(OtherNik, DemoData.Password, client: "10.3.0.1")));
        Assert.Equal("/", (await LoginAsync(OtherNik, DemoData.Password, client: "10.3.0.2")).RedirectTo);
    }

    [Fact]
    public async Task The_code_is_stored_only_as_its_hash_and_a_password_over_128_characters_is_refused()
    {
        var code = (await GenerateAsync())!.Code!;
        await using (var db = _app.Database.CreateContext())
        {
            var stored = await db.Institutions.Where(i => i.Id == _operator.InstitutionId).Select(i => i.RegistrationCodeHash).SingleAsync();
            Assert.Equal(RegistrationCodeService.HashCode(code), stored);
            Assert.DoesNotContain(code, stored);
        }
        var state = await WithAsync(sp => sp.GetRequiredService<RegistrationCodeService>().GetStateAsync(_operator));
        Assert.Null(state!.Code); // shown once, when made
        Assert.True(state.HasUsableCode);

        var start = await StartAsync(HeadNik, code);
        var tooLong = StrongPassword + new string('x', 129 - StrongPassword.Length);
        Assert.Equal("Password paling banyak 128 karakter.", Assert.Single((await RegisterAsync(start.Ticket, password: tooLong)).Errors!));
        Assert.Equal("Email paling banyak 254 karakter.", Assert.Single((await RegisterAsync(start.Ticket, email: new string('a', 250) + "@contoh.sch.id")).Errors!));
        Assert.True((await RegisterAsync(start.Ticket, password: tooLong[..128])).Succeeded);
    }
}
