using Madrasah.Blazor.Features.PontrenRegistration;

namespace Madrasah.Blazor.Tests.Features.PontrenRegistration;

public class RegistrationRulesTests
{
    [Theory]
    [InlineData("Pondok Pesantren Al-Hikmah Sleman", "PP Al Hikmah Sleman")]
    [InlineData("MDT Nurul Huda", "Madrasah Diniyah Takmiliyah Nurul Huda")]
    [InlineData("LPQ Al-Qur'an Baitussalam", "LPQ Al Quran Baitusalam")]
    public void Category_words_and_spelling_do_not_make_two_names_different(string a, string b) =>
        Assert.True(RegistrationRules.SimilarName(RegistrationRules.NormalizeName(a), RegistrationRules.NormalizeName(b)));

    [Theory]
    [InlineData("Pondok Pesantren Al-Hikmah Sleman", "Pondok Pesantren Al-Falah Sleman")]
    [InlineData("MDT Nurul Huda", "MDT Nurul Iman")]
    public void Different_names_stay_different(string a, string b) =>
        Assert.False(RegistrationRules.SimilarName(RegistrationRules.NormalizeName(a), RegistrationRules.NormalizeName(b)));

    [Fact]
    public void Addresses_compare_with_their_common_abbreviations() =>
        Assert.True(RegistrationRules.SameAddress(RegistrationRules.NormalizeAddress("Jalan Palagan Km. 9, Dusun Karangmojo"), "Sariharjo",
            RegistrationRules.NormalizeAddress("Jl Palagan Km 9 Dsn Karangmojo"), "SARIHARJO"));
}
