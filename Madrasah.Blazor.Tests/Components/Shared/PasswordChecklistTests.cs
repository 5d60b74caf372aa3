using Bunit;
using Madrasah.Blazor.Components.Shared;
using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Tests.Infrastructure;

namespace Madrasah.Blazor.Tests.Components.Shared;

/// <summary>
/// The live password checklist: one line per rule, green when met and red when not; a common password has a red
/// line of its own, so the user sees why "Selanjutnya" stays disabled although the character rules are met.
/// </summary>
public sealed class PasswordChecklistTests : ComponentTestContext
{
    private static readonly string[] Keys = ["length", "upper", "lower", "digit", "symbol", "common"];

    private IRenderedComponent<PasswordChecklist> RenderChecklist(string? password) =>
        Render<PasswordChecklist>(p => p.Add(x => x.Password, password));

    private static Dictionary<string, bool> Met(IRenderedComponent<PasswordChecklist> checklist) =>
        checklist.FindAll("[data-testid=password-rules] li").ToDictionary(li => li.GetAttribute("data-rule")!, li => li.GetAttribute("data-met") == "true");

    [Fact]
    public void Every_rule_has_a_line_with_its_Indonesian_text_the_common_password_rule_included()
    {
        var lines = RenderChecklist("").FindAll("[data-testid=password-rules] li");

        Assert.Equal(Keys, lines.Select(li => li.GetAttribute("data-rule")));
        Assert.Equal(
            ["Minimal 8 karakter", "Memuat huruf besar (A–Z)", "Memuat huruf kecil (a–z)", "Memuat angka (0–9)",
             "Memuat karakter simbol (mis. ! @ # $)", "Bukan password yang umum digunakan"],
            lines.Select(li => li.QuerySelector("span")!.TextContent));
    }

    [Theory]
    //          password             length upper  lower  digit  symbol common
    [InlineData("",                  false, false, false, false, false, false)]
    [InlineData("sleman",            false, false, true,  false, false, false)] // "sleman" is on the Indonesian list
    [InlineData("KALIURANG2026",     true,  true,  false, true,  false, true)]
    [InlineData("kaliurang#7",       true,  false, true,  true,  true,  true)]
    [InlineData("P@ssw0rd123!",      true,  true,  true,  true,  true,  false)]
    [InlineData("Merdeka45!",        true,  true,  true,  true,  true,  false)]
    [InlineData("Aa123456!",         true,  true,  true,  true,  true,  false)]
    [InlineData("Sleman#Kamad2026",  true,  true,  true,  true,  true,  true)]
    public void Each_line_is_green_when_its_rule_is_met_and_red_when_not(string password, bool length, bool upper, bool lower, bool digit, bool symbol, bool notCommon)
    {
        var checklist = RenderChecklist(password);

        var expected = new[] { length, upper, lower, digit, symbol, notCommon };
        Assert.Equal(Keys.Zip(expected).ToDictionary(p => p.First, p => p.Second), Met(checklist));
        foreach (var line in checklist.FindAll("[data-testid=password-rules] li"))
        {
            var met = line.GetAttribute("data-met") == "true";
            Assert.Contains(met ? "mud-success-text" : "mud-error-text", line.ClassList);
            Assert.Contains(met ? "(terpenuhi)" : "(belum terpenuhi)", line.TextContent); // read out, not only coloured
        }
    }

    [Theory]
    [InlineData("", "Password belum memenuhi ketentuan.", false)]
    [InlineData("sleman", "Password belum memenuhi ketentuan.", false)]
    [InlineData("P@ssw0rd123!", PasswordRules.CommonPasswordMessage, false)]
    [InlineData("Sleman#Kamad2026", "Password Strong", true)]
    public void The_line_under_the_rules_says_Password_Strong_or_what_is_wrong(string password, string message, bool strong)
    {
        var strength = RenderChecklist(password).Find("[data-testid=password-strength]");

        Assert.Equal(message, strength.TextContent);
        Assert.Contains(strong ? "mud-success-text" : "mud-error-text", strength.ClassList);
    }

    [Theory]
    [InlineData("Sleman#Kamad2026")]
    [InlineData("P@ssw0rd123!")]
    [InlineData("Qwerty123!")]
    [InlineData("abc")]
    public void All_lines_green_means_exactly_a_password_Identity_accepts(string password) =>
        Assert.Equal(PasswordRules.IsStrong(password), PasswordChecklist.Lines(password).All(l => l.Met));

    [Fact]
    public void The_lines_follow_the_password_as_it_is_typed()
    {
        var checklist = RenderChecklist("P@ssw0rd123!");
        Assert.False(Met(checklist)["common"]);

        checklist.Render(p => p.Add(x => x.Password, "Sleman#Kamad2026"));

        Assert.All(Met(checklist).Values, Assert.True);
        Assert.Equal("Password Strong", checklist.Find("[data-testid=password-strength]").TextContent);
    }
}
