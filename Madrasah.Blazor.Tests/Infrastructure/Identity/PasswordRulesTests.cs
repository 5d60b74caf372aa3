using Madrasah.Blazor.Data;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Madrasah.Blazor.Tests.Infrastructure.Identity;

/// <summary>The live indicator and Identity agree on every password: "Password Strong" is never refused afterwards.</summary>
public sealed class PasswordRulesTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<bool> IdentityAcceptsAsync(string password)
    {
        await using var scope = _app.Provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "uji@contoh.sch.id", Email = "uji@contoh.sch.id", FullName = "Uji" };
        foreach (var validator in users.PasswordValidators)
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded) return false;
        return true;
    }

    [Theory]
    [InlineData("Ñandú#2026x")]      // Ñ and ú are no A–Z / a–z for Identity: no upper case letter at all
    [InlineData("ÑANDÚ#2026x")]
    [InlineData("ñandú#2026X")]      // ñ, ú: symbols to Identity, and X, n, d are there: accepted
    [InlineData("Sleman Kamad2026")] // a space is a symbol to Identity
    [InlineData("Sleman#Kamad2026")]
    [InlineData("Sleman#Kamad")]
    [InlineData("sleman#kamad2026")]
    [InlineData("SLEMAN#KAMAD2026")]
    [InlineData("SlemanKamad2026")]
    [InlineData("Aa1!Aa1!")]
    [InlineData("Aa1!")]
    [InlineData("Şeker٣#Kamad")]     // an Arabic-Indic digit is no 0–9
    [InlineData("P@ssw0rd123!")]     // common
    public async Task The_indicator_says_strong_exactly_when_Identity_accepts(string password)
    {
        Assert.Equal(await IdentityAcceptsAsync(password), PasswordRules.IsStrong(password));
    }

    [Fact]
    public void Accented_letters_do_not_count_as_upper_or_lower_case()
    {
        var rules = PasswordRules.Evaluate("Ñandú#2026x").ToDictionary(r => r.Key, r => r.Met);
        Assert.False(rules["upper"]);
        Assert.True(rules["lower"]);
        Assert.True(rules["symbol"]);
        Assert.False(PasswordRules.IsStrong("Ñandú#2026x"));
        Assert.True(PasswordRules.Evaluate("Sleman Kamad2026").Single(r => r.Key == "symbol").Met);
    }

    [Theory]
    [InlineData("Indonesia1!")]
    [InlineData("Merdeka45!")]
    [InlineData("Jakarta1!")]
    [InlineData("Welcome1!")]
    [InlineData("Welcome@2024")]
    [InlineData("Rahasia1!")]
    [InlineData("Cinta123!")]
    [InlineData("Aa123456!")]
    [InlineData("P@ssw0rd123!")]
    [InlineData("Bismillah@123")]
    [InlineData("$Ayang2024!")]    // look-alike at the start
    [InlineData("4Dmin#123")]
    [InlineData("2024#Persib!")]   // digits and symbols in front
    [InlineData("Lov3ly#2026")]
    [InlineData("Michael2026!")]   // from the international list
    [InlineData("Qwerty123!")]
    public void Common_passwords_dressed_up_to_meet_the_rules_are_refused(string password)
    {
        Assert.All(PasswordRules.Evaluate(password), r => Assert.True(r.Met, r.Key));
        Assert.True(PasswordRules.IsCommon(password));
        Assert.False(PasswordRules.IsStrong(password));
    }

    [Theory]
    [InlineData("Sleman#Kaliurang7")]
    [InlineData(DemoData.Password)] // "Demo#Sleman2026", every demo account's
    [InlineData("Sleman#Kamad2026")]
    [InlineData("Kopi!Tubruk#Merapi9")]
    [InlineData("Xq7#vLm2pR")]
    [InlineData("Siti.Rahma#1978x")]
    public void Strong_passwords_are_not_taken_for_common_ones(string password)
    {
        Assert.False(PasswordRules.IsCommon(password));
        Assert.True(PasswordRules.IsStrong(password));
    }

    [Fact]
    public void The_lists_hold_thousands_of_international_and_Indonesian_passwords()
    {
        Assert.True(CommonPasswords.Count > 10_000, $"{CommonPasswords.Count} passwords");
        Assert.All(["123456", "password", "iloveyou", "bismillah", "sayang", "persija", "yogyakarta", "alhamdulillah"],
            word => Assert.True(CommonPasswords.Contains(word), word));
    }
}
