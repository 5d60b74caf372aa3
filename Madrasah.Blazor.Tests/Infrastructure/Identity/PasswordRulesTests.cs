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

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

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
}
