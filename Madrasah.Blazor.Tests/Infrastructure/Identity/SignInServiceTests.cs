using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Audit;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

public sealed class SignInServiceTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async ValueTask InitializeAsync() => await _app.SeedDemoDataAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        await using var scope = _app.CreateRequestScope();
        return await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync(email, password, rememberMe: false);
    }

    [Fact]
    public async Task Right_password_signs_in_and_is_audited()
    {
        Assert.Equal(SignInOutcome.Succeeded, await SignInAsync("operator@min1sleman.sch.id", DemoData.Password));
        await using var db = _app.Database.CreateContext();
        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "identity.signed-in");
        Assert.Equal("operator@min1sleman.sch.id", entry.UserName);
        Assert.NotNull(entry.InstitutionId);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        for (var i = 0; i < 4; i++)
            Assert.Equal(SignInOutcome.Failed, await SignInAsync("kepala@min1sleman.sch.id", "Salah#Sandi123"));
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync("kepala@min1sleman.sch.id", "Salah#Sandi123"));
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync("kepala@min1sleman.sch.id", DemoData.Password));
    }

    [Fact]
    public async Task Unknown_email_fails_like_a_wrong_password()
    {
        Assert.Equal(SignInOutcome.Failed, await SignInAsync("tidak.ada@contoh.id", DemoData.Password));
    }

    /// <summary>Counts password checks: each one is a 210,000-iteration PBKDF2 run, the slow part of a sign-in.</summary>
    private sealed class CountingHasher(IPasswordHasher<ApplicationUser> inner) : IPasswordHasher<ApplicationUser>
    {
        public int Verifications;
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Unknown_email_costs_a_password_hash_check_like_a_known_one_so_timing_reveals_no_accounts()
    {
        CountingHasher? hasher = null;
        await using var app = new AppServices((services, _) => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<ApplicationUser>>(sp =>
            hasher = new CountingHasher(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        await app.SeedDemoDataAsync();

        async Task<int> ChecksFor(string email)
        {
            var before = hasher?.Verifications ?? 0;
            await using var scope = app.CreateRequestScope();
            Assert.Equal(SignInOutcome.Failed, await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync(email, "Salah#Sandi123", false));
            return hasher!.Verifications - before;
        }

        Assert.Equal(1, await ChecksFor("operator@min1sleman.sch.id"));
        Assert.Equal(1, await ChecksFor("tidak.ada@contoh.id"));

        // A NIK with or without an account: one check either way.
        async Task<int> ChecksForNik(string nik)
        {
            var before = hasher?.Verifications ?? 0;
            await using var scope = app.CreateRequestScope();
            var result = await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInByNikAsync(nik, "Salah#Sandi123", false);
            Assert.Equal(nik == "3404071211750001" ? SignInOutcome.Failed : null, result?.Outcome);
            return hasher!.Verifications - before;
        }
        Assert.Equal(1, await ChecksForNik("3404071211750001")); // MIN 1 Sleman's head
        Assert.Equal(1, await ChecksForNik("3404015508780009"));
    }

    [Fact]
    public async Task A_NIK_signs_in_the_one_account_that_has_it()
    {
        await using var scope = _app.CreateRequestScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInService>();
        Assert.Equal((SignInOutcome.Succeeded, "kepala@min1sleman.sch.id"), await signIn.PasswordSignInByNikAsync("3404071211750001", DemoData.Password, false));
        Assert.Null(await signIn.PasswordSignInByNikAsync("3404015508780002", DemoData.Password, false)); // a head without account yet
    }

    [Fact]
    public async Task Unverified_email_is_told_only_when_the_password_is_right()
    {
        await using (var scope = _app.Provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var result = await users.CreateAsync(new ApplicationUser { UserName = "baru@contoh.sch.id", Email = "baru@contoh.sch.id", FullName = "Baru" }, DemoData.Password);
            Assert.True(result.Succeeded);
        }
        Assert.Equal(SignInOutcome.EmailNotConfirmed, await SignInAsync("baru@contoh.sch.id", DemoData.Password));
        Assert.Equal(SignInOutcome.Failed, await SignInAsync("baru@contoh.sch.id", "Salah#Sandi123"));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_PBKDF2_iterations()
    {
        // The app's own setting, without the test run's cheaper count (AppServices lowers it for every other test).
        await using var app = new AppServices(settings: new Dictionary<string, string?> { [PasswordHashing.IterationsKey] = null });
        await using (var scope = app.CreateRequestScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = "baru@contoh.sch.id", Email = "baru@contoh.sch.id", FullName = "Baru" }, DemoData.Password)).Succeeded);
        }
        await using var db = app.Database.CreateContext();
        var hash = Convert.FromBase64String((await db.Users.SingleAsync()).PasswordHash!);
        Assert.Equal(0x01, hash[0]); // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), …
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.True(iterations >= 210_000, $"iterations = {iterations}");
    }

    [Fact]
    public void A_production_host_refuses_a_password_hash_cheaper_than_210000_iterations()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = _app.Database.Path,
            [PasswordHashing.IterationsKey] = "1000",
        }).Build();
        services.AddLogging();
        services.AddMadrasahData(configuration, new ProductionHost(_app.Database.Folder));
        services.AddMadrasahIdentity(configuration, new ProductionHost(_app.Database.Folder));
        using var provider = services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PasswordHasherOptions>>().Value);
        Assert.Contains("never for production", refused.Message);
    }

    private sealed class ProductionHost(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "Madrasah.Blazor";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    [Theory]
    [InlineData("Pendek1!", null)]
    [InlineData("semuakecil1!", "PasswordRequiresUpper")]
    [InlineData("SEMUABESAR1!", "PasswordRequiresLower")]
    [InlineData("TanpaAngka!!", "PasswordRequiresDigit")]
    [InlineData("TanpaSimbol123", "PasswordRequiresNonAlphanumeric")]
    [InlineData("Pen1!", "PasswordTooShort")]
    [InlineData("P@ssw0rd123!", "CommonPassword")]
    [InlineData("Bismillah@123", "CommonPassword")]
    [InlineData("Madrasah#2026", "CommonPassword")]
    public async Task Password_rule_of_the_seed_and_common_passwords(string password, string? expectedError)
    {
        await using var scope = _app.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{Guid.NewGuid():N}@contoh.sch.id";
        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, FullName = "Uji" }, password);
        if (expectedError is null)
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        else
        {
            var error = Assert.Single(result.Errors, e => e.Code == expectedError);
            Assert.DoesNotContain("must", error.Description); // Indonesian, not Identity's English
            Assert.StartsWith("Password ", error.Description); // the field's name as the forms label it
        }
    }

    [Fact]
    public void Strength_rules_report_each_missing_rule()
    {
        var rules = PasswordRules.Evaluate("abc");
        Assert.Equal(["length", "upper", "digit", "symbol"], rules.Where(r => !r.Met).Select(r => r.Key));
        Assert.True(PasswordRules.IsStrong("Sleman#Kamad2026"));
        Assert.False(PasswordRules.IsStrong("Qwerty123!"));
    }
}
