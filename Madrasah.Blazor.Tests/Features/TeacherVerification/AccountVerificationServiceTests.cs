using Madrasah.Blazor.Data;
using Madrasah.Blazor.Features.TeacherVerification;
using Madrasah.Blazor.Infrastructure.Email;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madrasah.Blazor.Tests.Features.TeacherVerification.TeacherVerificationTestKit;

namespace Madrasah.Blazor.Tests.Features.TeacherVerification;

/// <summary>
/// Every rule of the emailed "Kode Verifikasi" (issue 12, OWASP ASVS 5.0 §6.5) on the demo teacher Nur Hidayah:
/// secure random, hash only, single use, 10 minutes, 5 tries, 60 s cooldown, hourly and daily limits, a new code
/// ends the old, the email change with password, addresses already taken, and the bad input of the list.
/// </summary>
public sealed class AccountVerificationServiceTests : IAsyncLifetime
{
    private TeacherVerificationTestKit _kit = null!;

    public async ValueTask InitializeAsync() => _kit = await CreateAsync();

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task LANJUT_emails_a_six_digit_code_to_the_email_on_record_and_stores_only_its_hash()
    {
        var before = await _kit.StateAsync();
        Assert.Equal(PtkAccountStatus.AwaitingVerification, before.Status);
        Assert.Equal(TeacherEmail, before.Email);

        Assert.True((await _kit.SendAsync()).Sent);
        var code = await _kit.LatestCodeAsync();
        Assert.Matches("^[0-9]{6}$", code);

        var stored = Assert.Single(await _kit.CodesAsync(_kit.Teacher.UserId));
        Assert.Equal(TeacherEmail, stored.Email);
        Assert.DoesNotContain(code, stored.CodeHash);
        Assert.Equal(64, stored.CodeHash.Length);
        Assert.Equal(_kit.Clock.UtcNow.AddMinutes(10), stored.ExpiresUtc);

        var state = await _kit.StateAsync();
        Assert.Equal(PtkAccountStatus.CodeSent, state.Status);
        Assert.Equal(TeacherEmail, state.Code!.SentTo);
        Assert.Equal(_kit.Clock.UtcNow, state.Code.SentUtc);
        Assert.Equal(5, state.Code.TriesLeft);
        Assert.Equal(OutboxStatus.Pending, state.Code.Delivery); // queued: the sender is not running in this test
        Assert.Equal(_kit.Clock.UtcNow.AddSeconds(60), state.NextCodeUtc);
    }

    [Fact]
    public void Codes_come_from_a_uniform_random_source_over_all_six_digits()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => AccountVerificationService.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 1990);
        // Every digit shows in the first position (no bias toward codes without a leading zero).
        Assert.Equal(10, codes.Select(c => c[0]).Distinct().Count());
    }

    [Fact]
    public async Task The_right_code_and_SIMPAN_verify_the_teacher_and_the_operator_is_told_live()
    {
        await _kit.SendAsync();
        var published = new List<string>();
        var notifier = _kit.App.Provider.GetRequiredService<LiveNotifier>();
        using var watch = notifier.Subscribe(AccountVerificationService.LiveTopic(_kit.Operator.InstitutionId!.Value), () =>
        {
            lock (published) published.Add("ptk");
            return Task.CompletedTask;
        });

        var check = await _kit.VerifyAsync(await _kit.LatestCodeAsync());
        Assert.True(check.Succeeded);
        Assert.True((await _kit.StaffAsync(TeacherNik)).EmailVerified);
        Assert.Equal(PtkAccountStatus.Verified, (await _kit.StateAsync()).Status);
        await WaitUntilAsync(() => { lock (published) return published.Count > 0; });

        var table = await _kit.Accounts(s => s.ListAsync(_kit.Operator, new(Search: "Nur Hidayah")));
        Assert.Equal(PtkAccountStatus.Verified, Assert.Single(table.Items).Status);
    }

    [Fact]
    public async Task An_expired_code_is_refused_after_ten_minutes()
    {
        await _kit.SendAsync();
        var code = await _kit.LatestCodeAsync();
        _kit.Clock.Advance(TimeSpan.FromMinutes(10));

        var check = await _kit.VerifyAsync(code);
        Assert.Equal(CodeOutcome.Expired, check.Outcome);
        Assert.Contains("kedaluwarsa", check.Message);
        Assert.False((await _kit.StaffAsync(TeacherNik)).EmailVerified);
        Assert.Equal(PtkAccountStatus.AwaitingVerification, (await _kit.StateAsync()).Status);
    }

    [Fact]
    public async Task A_code_one_second_before_its_end_still_works()
    {
        await _kit.SendAsync();
        _kit.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.True((await _kit.VerifyAsync(await _kit.LatestCodeAsync())).Succeeded);
    }

    [Fact]
    public async Task A_used_code_cannot_be_used_again()
    {
        await _kit.SendAsync();
        var code = await _kit.LatestCodeAsync();
        Assert.True((await _kit.VerifyAsync(code)).Succeeded);
        Assert.Equal(CodeOutcome.AlreadyVerified, (await _kit.VerifyAsync(code)).Outcome);

        // The operator sets a new address: the account is unverified again, and the used code does not verify it.
        var staffId = (await _kit.StaffAsync(TeacherNik)).Id;
        Assert.True((await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, staffId, "nur.hidayah@madrasah.sch.id"))).Succeeded);
        var again = await _kit.VerifyAsync(code);
        Assert.Equal(CodeOutcome.Used, again.Outcome);
        Assert.Contains("sudah dipakai", again.Message);
        Assert.False((await _kit.StaffAsync(TeacherNik)).EmailVerified);
    }

    [Fact]
    public async Task Five_wrong_tries_end_the_code_and_the_remaining_tries_are_told()
    {
        await _kit.SendAsync();
        var code = await _kit.LatestCodeAsync();
        for (var left = 4; left >= 1; left--)
        {
            var wrong = await _kit.VerifyAsync(Other(code));
            Assert.Equal(CodeOutcome.Wrong, wrong.Outcome);
            Assert.Equal(left, wrong.TriesLeft);
            Assert.Equal($"Kode Verifikasi salah. Sisa percobaan: {left} kali.", wrong.Message);
        }
        var fifth = await _kit.VerifyAsync(Other(code));
        Assert.Equal(CodeOutcome.TooManyTries, fifth.Outcome);
        Assert.Contains("Kirim ulang kode", fifth.Message);

        // Even the right code no longer works: a new one must be requested.
        Assert.Equal(CodeOutcome.TooManyTries, (await _kit.VerifyAsync(code)).Outcome);
        Assert.False((await _kit.StaffAsync(TeacherNik)).EmailVerified);
        Assert.Equal(PtkAccountStatus.AwaitingVerification, (await _kit.StateAsync()).Status);
    }

    [Fact]
    public async Task Parallel_guesses_cannot_exceed_five_tries()
    {
        await _kit.SendAsync();
        var code = await _kit.LatestCodeAsync();
        var guesses = Enumerable.Range(1, 12).Select(i => ((int.Parse(code) + i) % 1_000_000).ToString("D6"));
        var results = await Task.WhenAll(guesses.Select(g => _kit.VerifyAsync(g)));
        Assert.DoesNotContain(results, r => r.Succeeded);
        Assert.InRange(results.Count(r => r.Outcome == CodeOutcome.Wrong), 1, 4);
        Assert.Equal(12, results.Count(r => r.Outcome is CodeOutcome.Wrong or CodeOutcome.TooManyTries));
        Assert.Equal(5, Assert.Single(await _kit.CodesAsync(_kit.Teacher.UserId)).Tries);
        Assert.Equal(CodeOutcome.TooManyTries, (await _kit.VerifyAsync(code)).Outcome);
    }

    [Fact]
    public async Task A_resend_before_the_cooldown_is_refused_with_the_wait_and_allowed_after()
    {
        await _kit.SendAsync();
        _kit.Clock.Advance(TimeSpan.FromSeconds(45));
        var early = await _kit.SendAsync();
        Assert.False(early.Sent);
        Assert.Equal("Kode baru dapat diminta lagi dalam 15 detik. Periksa juga folder Spam.", early.Message);
        Assert.Single(await _kit.CodesAsync(_kit.Teacher.UserId));

        _kit.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.True((await _kit.SendAsync()).Sent);
    }

    [Fact]
    public async Task A_new_code_makes_the_old_one_stop_working()
    {
        await _kit.SendAsync();
        var old = await _kit.LatestCodeAsync();
        _kit.Clock.Advance(TimeSpan.FromSeconds(61));
        await _kit.SendAsync();
        var fresh = await _kit.LatestCodeAsync();
        if (fresh == old) return; // one chance in a million: the same digits again are the new code

        var check = await _kit.VerifyAsync(old);
        Assert.Equal(CodeOutcome.Wrong, check.Outcome);
        Assert.StartsWith("Kode ini sudah diganti dengan kode yang lebih baru", check.Message);
        Assert.True((await _kit.VerifyAsync(fresh)).Succeeded);
    }

    [Fact]
    public async Task At_most_three_codes_an_hour_and_ten_a_day()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _kit.SendAsync()).Sent);
            _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var fourth = await _kit.SendAsync();
        Assert.False(fourth.Sent);
        Assert.Equal("Batas 3 kode per jam sudah tercapai. Kode baru dapat diminta lagi pukul 11.00 WIB. Periksa juga folder Spam.", fourth.Message);
        Assert.Equal(_kit.Clock.UtcNow.AddMinutes(45), (await _kit.StateAsync()).NextCodeUtc);

        // Spread out over the day: ten in all, then the daily limit holds.
        var sent = 3;
        while (sent < 10)
        {
            _kit.Clock.Advance(TimeSpan.FromMinutes(21));
            if ((await _kit.SendAsync()).Sent) sent++;
        }
        _kit.Clock.Advance(TimeSpan.FromHours(1));
        var eleventh = await _kit.SendAsync();
        Assert.False(eleventh.Sent);
        Assert.StartsWith("Batas 10 kode per hari sudah tercapai.", eleventh.Message);
    }

    [Fact]
    public void The_guessing_odds_per_account_and_day_stay_below_one_in_ten_thousand()
    {
        var o = new TeacherVerificationOptions();
        // codes per day × tries per code ÷ 10^6: 10 × 5 ÷ 10^6 = 1 in 20,000.
        Assert.Equal(50 / 1_000_000d, o.GuessingOddsPerDay);
        Assert.True(o.GuessingOddsPerDay < 1 / 10_000d);
        Assert.Equal(15 / 1_000_000d, o.GuessingOddsPerHour);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Guessing odds: {o.MaxCodesPerHour} codes/hour × {o.MaxTriesPerCode} tries ÷ 10^6 = {o.GuessingOddsPerHour:E1} per hour; "
            + $"{o.MaxCodesPerDay} codes/day × {o.MaxTriesPerCode} tries ÷ 10^6 = {o.GuessingOddsPerDay:E1} per day (1 in {1 / o.GuessingOddsPerDay:N0}).");
    }

    [Theory]
    [InlineData("12a456", "Kode Verifikasi hanya berisi angka 0–9, tanpa huruf (ada “a”). Salin kode dari email verifikasi.")]
    [InlineData("123 456", "Kode Verifikasi ditulis tanpa spasi: 6 angka, misalnya 482915.")]
    [InlineData("12345", "Kode Verifikasi terdiri dari 6 angka; yang terisi 5 angka.")]
    [InlineData("1234567", "Kode Verifikasi terdiri dari 6 angka; yang terisi 7 angka.")]
    [InlineData("", "Kode Verifikasi wajib diisi.")]
    [InlineData("１２３４５６", "Kode Verifikasi hanya berisi angka 0–9 (ada “１”).")]
    public async Task Malformed_codes_are_told_plainly_and_do_not_count_as_tries(string typed, string message)
    {
        await _kit.SendAsync();
        var check = await _kit.VerifyAsync(typed);
        Assert.Equal(CodeOutcome.InvalidFormat, check.Outcome);
        Assert.Equal(message, check.Message);
        Assert.Equal(0, Assert.Single(await _kit.CodesAsync(_kit.Teacher.UserId)).Tries);
    }

    [Fact]
    public async Task A_code_pasted_with_spaces_around_it_is_accepted()
    {
        await _kit.SendAsync();
        Assert.True((await _kit.VerifyAsync(" " + await _kit.LatestCodeAsync() + "\t")).Succeeded);
    }

    [Fact]
    public async Task Another_teachers_code_does_not_verify_this_teacher()
    {
        // Muhammad Iqbal gets an account from the operator and a code of his own.
        var iqbal = await _kit.StaffAsync("3404071211870001");
        Assert.True((await _kit.Accounts(s => s.CreateAccountAsync(_kit.Operator, iqbal.Id, AccountSetup.InitialPassword, "Iqbal#Sleman2026"))).Succeeded);
        var iqbalScope = await _kit.ScopeOfAsync("iqbal@guru.demo.id", Roles.Pegawai);
        await _kit.SendAsync(iqbalScope);
        var iqbalCode = await _kit.LatestCodeAsync("iqbal@guru.demo.id");

        await _kit.SendAsync();
        var own = await _kit.LatestCodeAsync();
        if (own == iqbalCode) return; // one chance in a million
        var check = await _kit.VerifyAsync(iqbalCode);
        Assert.Equal(CodeOutcome.Wrong, check.Outcome);
        Assert.Equal(4, check.TriesLeft);
        Assert.False((await _kit.StaffAsync(TeacherNik)).EmailVerified);
        // Iqbal's code still works for him.
        Assert.True((await _kit.VerifyAsync(iqbalCode, iqbalScope)).Succeeded);
    }

    [Fact]
    public async Task Changing_the_email_needs_the_password_and_starts_verification_again()
    {
        await _kit.SendAsync();
        var oldCode = await _kit.LatestCodeAsync();
        const string newEmail = "nurhidayah.guru@madrasah.sch.id";

        var missing = await _kit.Verification(s => s.ChangeEmailAsync(_kit.Teacher, newEmail, ""));
        Assert.Equal("Password wajib diisi untuk mengubah Email Aktif.", missing.Errors[nameof(ChangeEmailForm.Password)]);
        var wrong = await _kit.Verification(s => s.ChangeEmailAsync(_kit.Teacher, newEmail, "Salah#Sekali2026"));
        Assert.Equal("Password salah. Email Aktif tidak diubah.", wrong.Errors[nameof(ChangeEmailForm.Password)]);
        Assert.Equal(TeacherEmail, (await _kit.StaffAsync(TeacherNik)).Email);

        var changed = await _kit.Verification(s => s.ChangeEmailAsync(_kit.Teacher, newEmail, DemoData.Password));
        Assert.True(changed.Succeeded);
        Assert.Equal(newEmail, (await _kit.StaffAsync(TeacherNik)).Email);
        await using (var db = _kit.App.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == _kit.Teacher.UserId);
            Assert.Equal(newEmail, user.Email); // the teacher now signs in with it
            Assert.Equal(newEmail.ToUpperInvariant(), user.NormalizedUserName);
        }
        // The code sent to the old address no longer works; LANJUT sends to the new one.
        Assert.Equal(CodeOutcome.Replaced, (await _kit.VerifyAsync(oldCode)).Outcome);
        Assert.Equal(PtkAccountStatus.AwaitingVerification, (await _kit.StateAsync()).Status);
        _kit.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await _kit.SendAsync()).Sent);
        Assert.True((await _kit.VerifyAsync(await _kit.LatestCodeAsync(newEmail))).Succeeded);
    }

    [Fact]
    public async Task An_email_another_account_uses_is_refused_to_the_teacher_and_to_the_operator()
    {
        var teacher = await _kit.Verification(s => s.ChangeEmailAsync(_kit.Teacher, "Operator@MIN1Sleman.sch.id", DemoData.Password));
        Assert.Equal(EmailOnRecord.TakenMessage, teacher.Errors[nameof(ChangeEmailForm.Email)]);

        var iqbal = await _kit.StaffAsync("3404071211870001");
        var byOperator = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, iqbal.Id, TeacherEmail));
        Assert.Equal(EmailOnRecord.TakenMessage, byOperator.Errors[nameof(SetEmailForm.Email)]);
        // Another PTK's address (without an account) counts too, in any institution.
        var rina = await _kit.StaffAsync("3404075107920003");
        var staffTaken = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, rina.Id, "FATIMAH@guru.demo.id"));
        Assert.Equal(EmailOnRecord.TakenMessage, staffTaken.Errors[nameof(SetEmailForm.Email)]);
    }

    [Theory]
    [InlineData("nur@gm\u0430il.com", "“\u0430” (U+0430)")]   // Cyrillic a
    [InlineData("nur@guru.dem\u043E.id", "“\u043E” (U+043E)")] // Cyrillic o
    [InlineData("nur@guru\u200B.demo.id", "(U+200B)")]       // zero-width space
    public async Task An_email_with_a_look_alike_letter_is_refused_naming_it(string email, string named)
    {
        var rina = await _kit.StaffAsync("3404075107920003");
        var result = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, rina.Id, email));
        Assert.Contains(named, result.Errors[nameof(SetEmailForm.Email)]);
        Assert.StartsWith("Email memuat karakter", result.Errors[nameof(SetEmailForm.Email)]);
        var own = await _kit.Verification(s => s.ChangeEmailAsync(_kit.Teacher, email, DemoData.Password));
        Assert.StartsWith("Email Aktif memuat karakter", own.Errors[nameof(ChangeEmailForm.Email)]);
    }

    [Fact]
    public async Task An_email_with_a_look_alike_domain_in_its_ASCII_form_is_refused_too()
    {
        // What a browser's email field sends for "nur@gmаil.com" (Cyrillic а).
        var rina = await _kit.StaffAsync("3404075107920003");
        var result = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, rina.Id, "nur@xn--gmil-63d.com"));
        Assert.StartsWith("Email memakai nama domain internasional (xn--…)", result.Errors[nameof(SetEmailForm.Email)]);
    }

    [Fact]
    public async Task A_teacher_without_an_email_is_told_to_fill_it_first()
    {
        await using (var db = _kit.App.Database.CreateContext())
            await db.Staff.Where(s => s.Nik == TeacherNik).ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, (string?)null));
        Assert.Equal(PtkAccountStatus.NoEmail, (await _kit.StateAsync()).Status);
        var request = await _kit.SendAsync();
        Assert.False(request.Sent);
        Assert.StartsWith("Email Aktif belum diisi.", request.Message);
    }

    [Fact]
    public async Task The_operator_verifies_their_own_email_the_same_way_before_setting_PTK_emails()
    {
        await _kit.DisposeAsync();
        _kit = await CreateAsync(verifyOperator: false);
        var rina = await _kit.StaffAsync("3404075107920003");
        var refused = await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, rina.Id, "rina@min1sleman.sch.id"));
        Assert.Equal(PtkAccountService.OperatorUnverifiedMessage, refused.Errors[""]);
        Assert.False((await _kit.Accounts(s => s.ListAsync(_kit.Operator, new()))).OperatorVerified);

        var before = await _kit.StateAsync(_kit.Operator);
        Assert.False(before.IsPtk);
        Assert.Equal(PtkAccountStatus.AwaitingVerification, before.Status);
        await _kit.SendAsync(_kit.Operator);
        Assert.True((await _kit.VerifyAsync(await _kit.LatestCodeAsync("operator@min1sleman.sch.id"), _kit.Operator)).Succeeded);
        Assert.Equal(PtkAccountStatus.Verified, (await _kit.StateAsync(_kit.Operator)).Status);
        // The teacher's own status is untouched by the operator's code; the operator may now set PTK emails.
        Assert.Equal(PtkAccountStatus.AwaitingVerification, (await _kit.StateAsync()).Status);
        Assert.True((await _kit.Accounts(s => s.SetEmailAsync(_kit.Operator, rina.Id, "rina@min1sleman.sch.id"))).Succeeded);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the live notification did not arrive");
            await Task.Delay(20);
        }
    }
}
