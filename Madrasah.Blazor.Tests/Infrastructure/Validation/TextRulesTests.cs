using Madrasah.Blazor.Infrastructure.Identity;
using Madrasah.Blazor.Infrastructure.Validation;

namespace Madrasah.Blazor.Tests.Infrastructure.Validation;

/// <summary>
/// The rule of names and free texts others read (issue 9, items 1 and 7): a length, something visible, no direction
/// overrides; and the length of emails and passwords, each told with the field's name.
/// </summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Hj. Siti Rahmawati, S.Ag., M.Pd.")]
    [InlineData("Drs. H. Ahmad Fauzi, M.Pd.I.")]
    [InlineData("Ma'had Al-Qur'an An-Nur")]
    [InlineData("Jl. Kaliurang Km. 10, Ngaglik")]
    [InlineData("Pondok Pesantren القرآن")] // Arabic script reads right to left by itself: no override needed
    [InlineData("Renée Müller")]
    [InlineData("Sarana:\nPerpustakaan\nLab. IPA")]
    public void Ordinary_names_and_texts_pass(string text) => Assert.Null(TextRules.Check(text, "Nama Lengkap", 200, required: true));

    [Theory]
    [InlineData("\u200B\u200B\u200B")] // zero-width spaces
    [InlineData("\u200D\u2060\uFEFF")] // zero-width joiner, word joiner, BOM
    [InlineData("\u00A0\u200B\u3000\u2003")] // no-break, ideographic and em spaces around a zero-width one
    [InlineData("\u3164\u3164")] // Hangul filler: a "letter" that draws nothing
    [InlineData("\u2800")] // blank Braille pattern
    [InlineData("\u0301\u0301")] // combining marks with nothing to sit on
    [InlineData("\u00AD")] // soft hyphen
    public void Names_of_invisible_characters_only_are_refused_with_the_fields_name(string text) =>
        Assert.Equal("Nama Lembaga harus memuat huruf atau angka yang terlihat, bukan hanya spasi atau karakter yang tidak terlihat.",
            TextRules.Check(text, "Nama Lembaga", 200, required: true));

    [Theory]
    [InlineData("MIN 1 Sleman\u202E")] // right-to-left override
    [InlineData("\u202Dnamrev\u202C")]
    [InlineData("Siti\u2066 Rahmawati\u2069")] // isolates
    [InlineData("Ahmad\u200F")] // right-to-left mark
    [InlineData("Ahmad\u200E")]
    [InlineData("Jl.\u061C Kaliurang")] // Arabic letter mark
    public void Text_with_direction_controls_is_refused(string text) =>
        Assert.Equal("Alamat tidak boleh memuat karakter pengatur arah teks yang tidak terlihat (mis. U+202E).",
            TextRules.Check(text, "Alamat", 300));

    [Fact]
    public void Length_is_told_with_the_limit_and_blank_is_required_or_nothing()
    {
        Assert.Equal("Alamat paling banyak 300 karakter.", TextRules.Check(new string('a', 301), "Alamat", 300));
        Assert.Null(TextRules.Check(" " + new string('a', 300) + " ", "Alamat", 300)); // counted as stored: trimmed
        Assert.Equal("Alamat wajib diisi.", TextRules.Check("   ", "Alamat", 300, required: true));
        Assert.Equal("Alamat wajib diisi.", TextRules.Check("\u00A0\u3000\u2003", "Alamat", 300, required: true)); // spaces of any kind are blank
        Assert.Null(TextRules.Check("   ", "Alamat", 300));
        Assert.Null(TextRules.Check(null, "Alamat", 300));
    }

    [Fact]
    public void An_email_longer_than_254_characters_is_told_so_before_it_is_parsed()
    {
        var domain = string.Join('.', new string('b', 63), new string('c', 63), new string('d', 58), "id");
        var longest = $"{new string('a', 64)}@{domain}";
        Assert.Equal(254, longest.Length);
        Assert.Null(Identifiers.CheckEmail(longest));
        Assert.Equal("Email paling banyak 254 karakter.", Identifiers.CheckEmail("a" + longest));
        Assert.Equal("Email paling banyak 254 karakter.", Identifiers.CheckEmail(new string('a', 1_000_000) + "@contoh.sch.id"));
        Assert.Equal("Email Lembaga paling banyak 254 karakter.", Identifiers.CheckEmail(new string('a', 300), "Email Lembaga"));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_told_and_is_not_strong()
    {
        var longest = "Sleman#Kamad2026" + new string('x', 112);
        Assert.Equal(128, longest.Length);
        Assert.Null(PasswordRules.CheckLength(longest));
        Assert.True(PasswordRules.IsStrong(longest));

        var tooLong = longest + "y";
        Assert.Equal("Password paling banyak 128 karakter.", PasswordRules.CheckLength(tooLong));
        Assert.Equal("Password Baru paling banyak 128 karakter.", PasswordRules.CheckLength(tooLong, "Password Baru"));
        Assert.False(PasswordRules.IsStrong(tooLong));
        Assert.Equal("Password paling banyak 128 karakter.", PasswordRules.StrengthMessage(tooLong));
        var length = PasswordRules.Evaluate(tooLong).Single(r => r.Key == "length");
        Assert.False(length.Met);
        Assert.Equal("Paling banyak 128 karakter", length.Label);
    }
}
